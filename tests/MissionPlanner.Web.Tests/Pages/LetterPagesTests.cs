using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Letters;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

/// <summary>The delegate's letter page and the organisers' Letters page: missing details named beside their fields, review, approval, the PDF.</summary>
public sealed class LetterPagesTests
{
    [Theory, AllDatabases]
    public async Task A_delegate_asks_for_a_letter_an_organiser_reviews_and_approves_it_and_both_download_the_PDF(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London", start, start.AddDays(1)));
        await app.GrantAsync(mission, ann.OrganiserId, MissionRoleKind.Organiser);
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        await app.SendAsync(new ImportDelegatesCommand("email,name,organisation,sector\nzoe@example.org,Zoë Visser,TU Delft,Academia\n") { MissionId = mission });
        var token = EmailLinks.TokenOf(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "zoe@example.org").Select(m => m.TextBody).FirstAsync()),
            LinkKind.Registration);

        var zoe = new WebSession(app);
        var page = $"/r/{token}/letter";
        (await zoe.SubmitAsync(page, new Dictionary<string, string> { ["Input.Purpose"] = "Schengen visa", ["Input.Nationality"] = "South African" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        zoe.FieldError("Input.IdNumber").Should().Be("The letter needs your passport number.");
        zoe.FieldError("Input.DateOfBirth").Should().Be("The letter needs your date of birth.");
        (await zoe.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Purpose"] = "UK visa application in Pretoria",
            ["Input.Nationality"] = "South African",
            ["Input.IdNumber"] = "M00123456",
            ["Input.DateOfBirth"] = "1988-03-14",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect, zoe.LastHtml);
        await zoe.GetAsync(page);
        zoe.LastHtml.Should().Contain("Your request is with the organisers").And.Contain("Your ID details are on file");

        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);
        var letters = $"/missions/{mission}/letters";
        await organiser.GetAsync(letters);
        organiser.LastHtml.Should().Contain("Set the letterhead and the signatory");
        var template = await app.SendAsync(new GetLetterTemplateQuery(mission));
        await app.SendAsync(new SetLetterTemplateCommand("Netherlands Enterprise Agency", template.Wording, "Marieke de Groot", "Head of Mission", template.Version)
        { MissionId = mission });
        await organiser.GetAsync(letters);
        organiser.LastHtml.Should().Contain("Requests (1 waiting)").And.Contain("a national of South African").And.Contain("M00123456");
        var request = (await app.SendAsync(new ListVisaLettersQuery(mission))).Single();
        var id = request.Id;
        (await organiser.SubmitAsync(letters, new Dictionary<string, string> { ["letterId"] = id.ToString(), ["version"] = request.Version.ToString(), ["fingerprint"] = request.Fingerprint! }, "Approve")).StatusCode
            .Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        (await app.SendAsync(new IssueVisaLettersCommand())).Should().Be(1);

        await zoe.GetAsync(page);
        zoe.LastHtml.Should().Contain("Download your letter (PDF)");
        var pdf = await zoe.Client.GetAsync(page + "?handler=Pdf");
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync())[..5].Should().Equal("%PDF-"u8.ToArray());
        (await organiser.Client.GetAsync(letters + $"?handler=Pdf&letterId={id}")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The template: an unknown placeholder is refused beside the wording.
        await organiser.GetAsync(letters);
        var version = System.Text.RegularExpressions.Regex.Match(organiser.LastHtml, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        (await organiser.SubmitAsync(letters, new Dictionary<string, string>
        {
            ["Input.Letterhead"] = "Netherlands Enterprise Agency",
            ["Input.Wording"] = "Dear sir or madam, {passport_no}",
            ["Input.SignatoryName"] = "Marieke de Groot",
            ["Input.SignatoryTitle"] = "Head of Mission",
            ["Input.Version"] = version,
        }, "Template")).StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.LastHtml.Should().Contain("Dear sir or madam, {passport_no}", "what was typed stays in the form");
        organiser.FieldError("Input.Wording").Should().StartWith("{passport_no} is not a placeholder");
    }
}
