using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Demo;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

public sealed class CounterpartPagesTests
{
    [Theory, AllDatabases]
    public async Task AnOrganiserAddsAndInvitesACounterpart_WhoCompletesTheirPage_AndTheDirectoryShowsThem(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var organiser = new WebSession(app);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, ann.OrganiserId, MissionRoleKind.Organiser);
        await organiser.SignInAsync(ann.SignInToken);

        (await organiser.SubmitAsync($"/missions/{mission}/counterparts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Sam Patel",
            ["Input.Email"] = "sam@rr.example",
            ["Input.Organisation"] = "Rolls-Royce",
            ["Input.Sector"] = "Industry",
            ["Input.Country"] = "United Kingdom",
        }, handler: "Add")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.SubmitAsync($"/missions/{mission}/counterparts", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Email"] = "not an address",
            ["Input.Organisation"] = "X",
        }, handler: "Add");
        organiser.FieldError("Input.Email").Should().NotBeNullOrEmpty();
        (await organiser.SubmitAsync($"/missions/{mission}/counterparts", new Dictionary<string, string>(), handler: "Invite")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var body = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "counterpart-invitation").Select(m => m.TextBody).SingleAsync());
        var link = Regex.Match(body, @"/m/[A-Za-z0-9_\-]+").Value;

        var sam = new WebSession(app);
        (await sam.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK);
        sam.LastHtml.Should().Contain("Dear Sam Patel (Rolls-Royce)").And.Contain("The delegation");
        var days = Regex.Matches(sam.LastHtml, "name=\"Input.From\\[(\\d+)\\]\"").Count;
        days.Should().BeGreaterThan(1, "one row per mission day");
        await sam.SubmitAsync(link, new Dictionary<string, string> { ["Input.From[0]"] = "half nine", ["Input.To[0]"] = "12:00" });
        WebUtility.HtmlDecode(sam.LastHtml).Should().Contain("'half nine' is not a time");
        var saved = await sam.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Topics"] = "aerospace; edge AI",
            ["Input.Offers"] = "Test rigs",
            ["Input.Listed"] = "true",
            ["Input.From[0]"] = "09:30",
            ["Input.To[0]"] = "12:00",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, sam.LastHtml);
        await sam.GetAsync(link);
        sam.LastHtml.Should().Contain("value=\"09:30\"").And.Contain("Thank you: your profile and times are saved.");

        await organiser.GetAsync($"/missions/{mission}/directory?topic=edge+AI");
        organiser.LastHtml.Should().Contain("Sam Patel").And.Contain("Test rigs").And.Contain("1 of ");
        await organiser.GetAsync($"/missions/{mission}/directory?sector=Government");
        organiser.LastHtml.Should().NotContain("Sam Patel");
    }

    [Fact]
    public async Task ADelegateAsksOnTheirMeetingsPage_AndTheCounterpartAcceptsOnTheirs()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        await app.SendAsync(new Features.Invitations.ImportInvitationsCommand("email,name\nann@example.org,Ann de Vries\n") { MissionId = mission });
        var invitation = Regex.Match(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "ann@example.org").Select(m => m.TextBody).SingleAsync()),
            @"/i/([A-Za-z0-9_\-]+)").Groups[1].Value;
        await app.SendAsync(new Features.Registrations.SetCapacityCommand(null) { MissionId = mission });
        var ann = (await app.SendAsync(new Features.Registrations.RegisterByInvitationCommand(invitation, new Features.Registrations.RegistrationDetails(
            "Ann de Vries", "TU Delft", Domain.Missions.Sector.Academia, Domain.Registrations.DelegationRole.Member, true, ConsentListing: true)))).Token!;
        await app.SendAsync(new Features.Meetings.AddCounterpartCommand("Sam Patel", "sam@rr.example", "Rolls-Royce", Domain.Missions.Sector.Industry) { MissionId = mission });
        await app.SendAsync(new Features.Meetings.InviteCounterpartsCommand() { MissionId = mission });
        var sam = Regex.Match(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "counterpart-invitation").Select(m => m.TextBody).SingleAsync()),
            @"/m/([A-Za-z0-9_\-]+)").Groups[1].Value;
        await app.SendAsync(new Features.Meetings.UpdateMyCounterpartProfileCommand(sam, "engines", null, null, null, true, []));

        var delegate_ = new WebSession(app);
        (await delegate_.GetAsync($"/r/{ann}")).StatusCode.Should().Be(HttpStatusCode.OK);
        delegate_.LastHtml.Should().Contain($"/r/{ann}/meetings");
        (await delegate_.SubmitAsync($"/r/{ann}/meetings", new Dictionary<string, string>
        {
            ["withId"] = await app.QueryAsync(db => db.Counterparts.Select(c => c.Id.ToString()).SingleAsync()),
            ["message"] = "We build memristor chips.",
        }, handler: "Ask")).StatusCode.Should().Be(HttpStatusCode.Redirect, delegate_.LastHtml);
        await delegate_.GetAsync($"/r/{ann}/meetings");
        delegate_.LastHtml.Should().Contain("To Sam Patel").And.Contain("Pending").And.NotContain("Ask Sam Patel to meet");

        var counterpart = new WebSession(app);
        await counterpart.GetAsync($"/m/{sam}");
        counterpart.LastHtml.Should().Contain("From Ann de Vries").And.Contain("We build memristor chips.");
        var requestId = await app.QueryAsync(db => db.MeetingRequests.Select(r => r.Id.ToString()).SingleAsync());
        (await counterpart.SubmitAsync($"/m/{sam}", new Dictionary<string, string> { ["requestId"] = requestId, ["accept"] = "true", ["reply"] = "Gladly." },
            handler: "Answer")).StatusCode.Should().Be(HttpStatusCode.Redirect, counterpart.LastHtml);

        await delegate_.GetAsync($"/r/{ann}/meetings");
        delegate_.LastHtml.Should().Contain("Accepted").And.Contain("Reply: Gladly.");
        (await new WebSession(app).GetAsync("/r/guess/meetings")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var organiser = new WebSession(app);
        var owner = await app.AddOrganiserAsync("org@example.org");
        await app.GrantAsync(mission, owner.OrganiserId, MissionRoleKind.Organiser);
        await organiser.SignInAsync(owner.SignInToken);
        await organiser.GetAsync($"/missions/{mission}/counterparts");
        organiser.LastHtml.Should().Contain("1 accepted · 0 waiting for an answer").And.Contain("Reply: Gladly.");

        // The organiser adds a B2B session, sets its slots and tables, runs the scheduler and publishes.
        var day = await app.QueryAsync(db => db.Missions.Where(m => m.Id == mission).Select(m => m.StartDate).SingleAsync());
        var session = await app.SendAsync(new Features.Programme.CreateProgrammeItemCommand("Matchmaking", null, Domain.Missions.ProgrammeItemKind.B2BMeetings,
            day.ToDateTime(new TimeOnly(7, 0)), day.ToDateTime(new TimeOnly(8, 0)), null, null, true)
        { MissionId = mission });
        await organiser.GetAsync($"/missions/{mission}/meetings");
        organiser.LastHtml.Should().Contain("Matchmaking").And.Contain("slots not set yet").And.Contain("1 accepted request");
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", new Dictionary<string, string>
        {
            ["itemId"] = session.ToString(),
            ["slotMinutes"] = "90",
            ["breakMinutes"] = "0",
            ["tables"] = "4",
        }, handler: "Session")).StatusCode.Should().Be(HttpStatusCode.OK, "a 90-minute slot does not fit a one-hour session");
        WebUtility.HtmlDecode(organiser.LastHtml).Should().Contain("A 90-minute slot does not fit in 'Matchmaking'");
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", new Dictionary<string, string>
        {
            ["itemId"] = session.ToString(),
            ["slotMinutes"] = "15",
            ["breakMinutes"] = "5",
            ["tables"] = "4",
        }, handler: "Session")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", new Dictionary<string, string>(), handler: "Run")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync($"/missions/{mission}/meetings");
        organiser.LastHtml.Should().Contain("Scheduled 1 meeting").And.Contain("Room plan: Matchmaking").And.Contain("<th scope=\"col\">Table 4</th>")
            .And.Contain("Ann de Vries (TU Delft)").And.Contain("not published");
        var meetingId = await app.QueryAsync(db => db.Meetings.Select(m => m.Id).SingleAsync());
        // Moved to another time and place, then back into the session.
        var elsewhere = new Dictionary<string, string>
        {
            ["meetingId"] = meetingId.ToString(),
            ["to"] = "",
            ["startsAt"] = $"{day:yyyy-MM-dd}T10:00",
            ["endsAt"] = $"{day:yyyy-MM-dd}T10:30",
            ["place"] = "Embassy library",
        };
        (await organiser.Client.GetStringAsync($"/missions/{mission}/meetings?handler=Preview&{string.Join("&", elsewhere.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))}"))
            .Should().Contain("Ann de Vries would be at Embassy library").And.Contain("at the same time", "the preview checks Ann's programme at that time");
        elsewhere["startsAt"] = $"{day:yyyy-MM-dd}T06:00";
        elsewhere["endsAt"] = $"{day:yyyy-MM-dd}T06:30";
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", elsewhere, handler: "Move")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync($"/missions/{mission}/meetings");
        organiser.LastHtml.Should().Contain("value=\"Embassy library\"").And.Contain($"value=\"{day:yyyy-MM-dd}T06:00\"", "the move form shows where it is now");
        var preview = await organiser.Client.GetStringAsync($"/missions/{mission}/meetings?handler=Preview&meetingId={meetingId}&to={session}/2&table=3");
        preview.Should().Be("{\"warnings\":[]}", "the slot is free and so is Ann");
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", new Dictionary<string, string> { ["meetingId"] = meetingId.ToString(), ["to"] = $"{session}/2", ["table"] = "3" },
            handler: "Move")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", new Dictionary<string, string>(), handler: "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync($"/missions/{mission}/meetings");
        organiser.LastHtml.Should().Contain("On the day").And.Contain("0 meetings held, 0 not held");
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", new Dictionary<string, string> { ["meetingId"] = meetingId.ToString(), ["absent"] = "Counterpart" },
            handler: "NoShow")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        (await app.QueryAsync(db => db.Meetings.Select(m => m.NoShow).SingleAsync())).Should().Be(Domain.Meetings.MeetingParty.Counterpart);
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", new Dictionary<string, string> { ["meetingId"] = meetingId.ToString(), ["absent"] = "" },
            handler: "NoShow")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        (await organiser.Client.GetStringAsync($"/missions/{mission}/meetings?handler=OutcomesCsv")).Should().Contain("meeting,start_utc");
        foreach (var (document, expected) in new[] { ("RoomPlan", "Matchmaking: room plan"), ("TableSigns", "Table 3") })
        {
            var printed = await organiser.Client.GetAsync($"/missions/{mission}/meetings?handler=Pdf&sessionId={session}&document={document}");
            printed.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
            (await PdfTextAsync(await printed.Content.ReadAsByteArrayAsync())).Should().Contain(expected).And.Contain("Ann de Vries (TU Delft)").And.Contain("Sam Patel");
        }

        await counterpart.GetAsync($"/m/{sam}");
        counterpart.LastHtml.Should().Contain("Your meetings").And.Contain("B2B meeting: Ann de Vries (TU Delft)").And.Contain("07:20–07:35").And.Contain("Table 3, Matchmaking");
        var pdf = await counterpart.Client.GetAsync($"/m/{sam}?handler=Pdf");
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync())).Should().Contain("B2B meeting: Ann de Vries (TU Delft)", "the PDF is the counterpart's own schedule");
        var calendarUrl = System.Text.RegularExpressions.Regex.Match(counterpart.LastHtml, "href=\"[^\"]*(/c/[^\"]+\\.ics)\">Add to your calendar").Groups[1].Value;
        calendarUrl.Should().NotBeEmpty().And.NotContain(sam, "a calendar app never holds the page's link");
        (await counterpart.Client.GetStringAsync(calendarUrl)).Should().Contain("SUMMARY:B2B meeting: Ann de Vries (TU Delft)");
        await delegate_.GetAsync($"/r/{ann}/itinerary");
        delegate_.LastHtml.Should().Contain("B2B meeting: Sam Patel (Rolls-Royce)").And.Contain("Table 3, Matchmaking");

        // The organiser turns to a preference round only: the delegate marks counterparts instead of asking them.
        (await organiser.SubmitAsync($"/missions/{mission}/meetings", new Dictionary<string, string> { ["preferenceRound"] = "true" }, handler: "Modes"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await delegate_.GetAsync($"/r/{ann}/meetings");
        delegate_.LastHtml.Should().Contain("Meet Sam Patel?").And.Contain("Must meet").And.NotContain("Ask Sam Patel to meet");
        var samId = await app.QueryAsync(db => db.Counterparts.Select(c => c.Id.ToString()).SingleAsync());
        (await delegate_.SubmitAsync($"/r/{ann}/meetings", new Dictionary<string, string> { ["withId"] = samId, ["interest"] = "MustMeet" }, handler: "Prefer"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, delegate_.LastHtml);
        await delegate_.GetAsync($"/r/{ann}/meetings");
        delegate_.LastHtml.Should().Contain("<option value=\"MustMeet\" selected=\"selected\">");
        await organiser.GetAsync($"/missions/{mission}/meetings");
        organiser.LastHtml.Should().Contain("Requests are off; the preference round is on: 1 marks, 0 pairs who both want to meet");
    }

    /// <summary>The text of a PDF, read back with poppler's pdftotext.</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"meetings-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var pdftotext = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = await pdftotext.StandardOutput.ReadToEndAsync();
            await pdftotext.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
