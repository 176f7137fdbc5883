using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Ceremonies;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

/// <summary>A ceremony planned through its page; the confirmation and the overdue task reach a real SMTP server.</summary>
public sealed class CeremonyPagesTests
{
    [Theory, AllDatabases]
    public async Task ADignitaryConfirmsFromTheEmail_AndAnOverdueTaskEmailsItsOwner(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await AppFactory.CreateAsync(provider, AppFactory.Smtp(smtp));
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London", start, start.AddDays(3)));
        await app.GrantAsync(mission, ann.OrganiserId, MissionRoleKind.Organiser);
        var embassy = await app.SendAsync(new CreateVenueCommand("Embassy of the Kingdom of the Netherlands", null, "London", VenueKind.Embassy, null, null) { MissionId = mission });
        var item = await app.SendAsync(new CreateProgrammeItemCommand("Signing ceremony", null, ProgrammeItemKind.SigningCeremony,
            start.ToDateTime(new TimeOnly(15, 30)), start.ToDateTime(new TimeOnly(16, 0)), embassy, 80, false)
        { MissionId = mission });
        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);

        var created = await organiser.SubmitAsync($"/missions/{mission}/ceremonies", new Dictionary<string, string> { ["programmeItemId"] = item.ToString() });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        var page = created.Headers.Location!.ToString();
        (await organiser.SubmitAsync(page, new Dictionary<string, string> { ["name"] = "OPT/NET BV" }, "Party")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var outsider = await organiser.SubmitAsync(page, new Dictionary<string, string> { ["role"] = "Signatory", ["name"] = "Someone Else", ["organisation"] = "Acme" }, "Person");
        outsider.StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.LastHtml.Should().Contain("A signatory must be a participant registered for the mission");
        (await organiser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["role"] = "HeadOfMission",
            ["name"] = "H.E. Karel Visser",
            ["title"] = "Ambassador",
            ["organisation"] = "Embassy of the Kingdom of the Netherlands",
            ["email"] = "ambassador@embassy.example",
            ["speaks"] = "true",
        }, "Person")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("1. H.E. Karel Visser: rank 10 as head of mission").And.Contain("<svg class=\"seating\"")
            .And.Contain("Still to confirm: H.E. Karel Visser (not asked)");

        // Asked by email; the link in the email actually received confirms.
        (await organiser.SubmitAsync(page, new Dictionary<string, string>(), "Ask")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var email = (await smtp.WaitForAsync(1)).Single();
        email.Subject.Should().Be("Please confirm: Signing ceremony");
        var link = EmailLinks.Single(email.Text, LinkKind.Ceremony).PathAndQuery;
        var guest = new WebSession(app);
        (await guest.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK);
        guest.LastHtml.Should().Contain("H.E. Karel Visser, as head of mission").And.Contain("Embassy of the Kingdom of the Netherlands");
        (await guest.PostAsync(link, new Dictionary<string, string> { ["attending"] = "true" }, guest.AntiforgeryToken())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await guest.GetAsync(link);
        guest.LastHtml.Should().Contain("Thank you: your attendance is confirmed.").And.Contain("attending");
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("Everyone who needs to has confirmed");
        (await guest.GetAsync(link[..^2] + "zz")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // A task due yesterday: the reminder job's run emails its owner, once.
        (await organiser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["title"] = "Flags and table cloth",
            ["owner"] = "Thomas Visser",
            ["ownerEmail"] = "thomas@example.org",
            ["dueDate"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
        }, "Task")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        (await app.SendAsync(new SendCeremonyRemindersCommand())).Tasks.Should().Be(1);
        (await app.SendAsync(new SendCeremonyRemindersCommand())).Tasks.Should().Be(0);
        var overdue = (await smtp.WaitForAsync(2)).Single(m => m.Subject!.StartsWith("Overdue"));
        overdue.RcptTos.Should().Equal("thomas@example.org");
        overdue.Text.Should().Contain("Flags and table cloth").And.Contain("is not marked done yet");
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("(0 of 1 done)").And.Contain("overdue:");

        var pdf = await organiser.Client.GetAsync($"{page}?handler=Pdf&kind=RunOfShow");
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await app.QueryAsync(db => db.CeremonyPeople.CountAsync())).Should().Be(1, "the refused signatory was not saved");
    }
}
