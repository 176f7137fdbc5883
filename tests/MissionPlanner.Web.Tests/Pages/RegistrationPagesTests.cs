using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Demo;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

public sealed partial class RegistrationPagesTests
{
    [Theory, AllDatabases]
    public async Task AnInviteeRegistersOnThePage_GetsTheirLinkByEmail_AndCancelling_GivesTheWaitingPersonThePlace(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await AppFactory.CreateAsync(provider, AppFactory.Smtp(smtp));
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        await app.SendAsync(new SetCapacityCommand(41) { MissionId = mission });
        await app.SendAsync(new ImportInvitationsCommand("email,name\nann@example.org,Ann de Vries\nbob@example.org,Bob Jansen\n") { MissionId = mission });
        var invitations = await smtp.WaitForAsync(2);
        string LinkFor(string email, string kind) => new Uri(Link(kind).Match(invitations.Concat(smtp.Messages).Last(m => m.RcptTos.Contains(email) && Link(kind).IsMatch(m.Text)).Text).Value).AbsolutePath;

        var ann = new WebSession(app);
        var annRegistered = await ann.SubmitAsync(LinkFor("ann@example.org", "i"), Form("Ann de Vries", "TU Delft"), handler: "Register");
        annRegistered.StatusCode.Should().Be(HttpStatusCode.OK);
        ann.LastHtml.Should().Contain("Your place is confirmed");
        var bob = new WebSession(app);
        await bob.SubmitAsync(LinkFor("bob@example.org", "i"), Form("Bob Jansen", "Innatera"), handler: "Register");
        bob.LastHtml.Should().Contain("you are number 1 on the waitlist");

        await smtp.WaitForAsync(4);
        (await ann.GetAsync(LinkFor("ann@example.org", "r"))).StatusCode.Should().Be(HttpStatusCode.OK);
        ann.LastHtml.Should().Contain("Confirmed").And.Contain("vegetarian, allergies: peanuts");
        (await ann.SubmitAsync(LinkFor("ann@example.org", "r"), new Dictionary<string, string>(), handler: "Cancel")).StatusCode.Should().Be(HttpStatusCode.OK);
        ann.LastHtml.Should().Contain("Cancelled");

        var received = await smtp.WaitForAsync(6);
        received.Should().Contain(m => m.RcptTos.Contains("bob@example.org") && m.Subject!.StartsWith("You are registered"));
        await bob.GetAsync(LinkFor("bob@example.org", "r"));
        bob.LastHtml.Should().Contain("Confirmed");

        // Ann changes her mind: her invitation link offers the form again, and she joins the end of the line.
        await ann.GetAsync(LinkFor("ann@example.org", "i"));
        ann.LastHtml.Should().Contain("You cancelled your registration. You can register again");
        await ann.SubmitAsync(LinkFor("ann@example.org", "i"), Form("Ann de Vries", "TU Delft"), handler: "Register");
        ann.LastHtml.Should().Contain("you are number 1 on the waitlist");
        (await smtp.WaitForAsync(7)).Should().Contain(m => m.RcptTos.Contains("ann@example.org") && m.Subject!.StartsWith("You are on the waitlist"));
    }

    [Fact]
    public async Task Organisers_SeeTheDelegation_AndDownloadItForExcel()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        await app.SendAsync(new ImportInvitationsCommand("email,name\ncem@example.org,\"Çem; \"\"the\"\" Öztürk\"\n") { MissionId = mission });
        var token = await app.QueryAsync(db => db.OutboxMessages.Select(m => m.TextBody).SingleAsync());
        await app.SendAsync(new RegisterByInvitationCommand(Link("i").Match(token).Value.Split("/i/")[1], new RegistrationDetails("Çem; \"the\" Öztürk", "=cmd|' /C calc'!A0",
            MissionPlanner.Domain.Missions.Sector.StartUp, MissionPlanner.Domain.Registrations.DelegationRole.Member, true, Dietary: "halal", ConsentListing: true)));
        var organiser = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, organiser.OrganiserId, MissionRoleKind.Viewer);
        var browser = new WebSession(app);
        await browser.SignInAsync(organiser.SignInToken);

        (await browser.GetAsync($"/missions/{mission}/delegation?sector=StartUp")).StatusCode.Should().Be(HttpStatusCode.OK);
        browser.LastHtml.Should().Contain("Öztürk").And.Contain("StartUp: <strong>8</strong>").And.NotContain("Save capacity")
            .And.Contain("Innatera").And.NotContain("Marieke van Dalen", "the filter shows start-ups only");
        var export = await browser.Client.GetAsync($"/missions/{mission}/delegation?handler=Export");
        var bytes = await export.Content.ReadAsByteArrayAsync();

        export.Content.Headers.ContentType!.ToString().Should().StartWith("text/csv");
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var text = Encoding.UTF8.GetString(bytes[3..]);
        text.Should().Contain("\"Çem; \"\"the\"\" Öztürk\"").And.Contain(",'=cmd|' /C calc'!A0,", "formulas are defused");
    }

    [Fact]
    public async Task AParticipantDownloadsTheirData_AndAnOrganiserErasesThemAfterConfirming()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        await app.SendAsync(new ImportInvitationsCommand("email,name\nzoe@example.org,Zoë Quisling\n") { MissionId = mission });
        var invitation = await app.QueryAsync(db => db.OutboxMessages.Select(m => m.TextBody).SingleAsync());
        var result = await app.SendAsync(new RegisterByInvitationCommand(Link("i").Match(invitation).Value.Split("/i/")[1], new RegistrationDetails("Zoë Quisling", "SURF",
            MissionPlanner.Domain.Missions.Sector.Other, MissionPlanner.Domain.Registrations.DelegationRole.Member, true)));
        var participant = new WebSession(app);

        var data = await participant.GetAsync($"/r/{result.Token}?handler=Data");
        data.Content.Headers.ContentDisposition!.FileName.Should().Contain("my-registration.json");
        participant.LastHtml.Should().Contain("\"name\": \"Zoë Quisling\"");

        var organiser = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, organiser.OrganiserId, MissionRoleKind.Organiser);
        var browser = new WebSession(app);
        await browser.SignInAsync(organiser.SignInToken);
        var id = await app.QueryAsync(db => db.Registrations.Where(r => r.Email == "zoe@example.org").Select(r => r.Id).SingleAsync());
        await browser.GetAsync($"/missions/{mission}/delegation?erase={id}");
        browser.LastHtml.Should().Contain("Erase Zoë Quisling (zoe@example.org)?");
        (await app.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Name).SingleAsync())).Should().Be("Zoë Quisling", "opening the confirmation changes nothing");
        (await browser.PostAsync($"/missions/{mission}/delegation?handler=Erase", new Dictionary<string, string> { ["registrationId"] = id.ToString() },
            browser.AntiforgeryToken())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Name).SingleAsync())).Should().Be("Erased participant");
        (await participant.GetAsync($"/r/{result.Token}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AParticipantChangesTheirAnswers_AndTheSharedListHonoursConsent()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        await app.SendAsync(new ImportInvitationsCommand("email,name\nann@example.org,Ann\nbob@example.org,Bob\n") { MissionId = mission });
        var bodies = await app.QueryAsync(db => db.OutboxMessages.OrderBy(m => m.ToAddress).Select(m => m.TextBody).ToListAsync());
        RegisterByInvitationCommand As(string body, string name, bool listed) => new(Link("i").Match(body).Value.Split("/i/")[1], new RegistrationDetails(name, "TU Delft",
            MissionPlanner.Domain.Missions.Sector.Academia, MissionPlanner.Domain.Registrations.DelegationRole.Member, true, ConsentListing: listed));
        var ann = await app.SendAsync(As(bodies[0], "Ann", listed: true));
        await app.SendAsync(As(bodies[1], "Bob", listed: false));
        var participant = new WebSession(app);

        var saved = await participant.SubmitAsync($"/r/{ann.Token}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ann de Vries",
            ["Input.Organisation"] = "QuTech",
            ["Input.Sector"] = "Academia",
            ["Input.Role"] = "Deputy",
            ["Input.DietaryChoices"] = "vegan",
            ["Input.ConsentProcessing"] = "true",
            ["Input.ConsentListing"] = "true",
        }, handler: "Update");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, participant.LastHtml);
        await participant.GetAsync($"/r/{ann.Token}");
        participant.LastHtml.Should().Contain("Your changes are saved").And.Contain("QuTech").And.Contain("vegan");

        var organiser = await app.AddOrganiserAsync("org@example.org");
        await app.GrantAsync(mission, organiser.OrganiserId, MissionRoleKind.Viewer);
        var browser = new WebSession(app);
        await browser.SignInAsync(organiser.SignInToken);
        var list = Encoding.UTF8.GetString(await (await browser.Client.GetAsync($"/missions/{mission}/delegation?handler=ParticipantList")).Content.ReadAsByteArrayAsync());
        list.Should().Contain("Ann de Vries,QuTech").And.NotContain("Bob");
    }

    private static Dictionary<string, string> Form(string name, string organisation) => new()
    {
        ["Input.Name"] = name,
        ["Input.Organisation"] = organisation,
        ["Input.Sector"] = "Academia",
        ["Input.Role"] = "Member",
        ["Input.DietaryChoices"] = "vegetarian",
        ["Input.Allergies"] = "peanuts",
        ["Input.ConsentProcessing"] = "true",
        ["Input.ConsentListing"] = "true",
        ["Input.ConsentPhotos"] = "false",
    };

    private static Regex Link(string kind) => new($@"https?://[^/\s]+/{kind}/[A-Za-z0-9_\-]+");
}
