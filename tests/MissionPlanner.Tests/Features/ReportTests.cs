using MissionPlanner.Data;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Documents;
using MissionPlanner.Features.FollowUp;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Report;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>The mission report a funder asks for: counts of what happened, names only of those who agreed, printed by the document job.</summary>
public sealed class ReportTests
{
    [Fact]
    public void Charts_are_drawn_narrow_enough_to_read_on_a_phone_with_long_titles_on_two_lines_and_each_label_above_its_bar()
    {
        var svg = ReportCharts.Bars("3. Which of the lab tours and company visits in Cambridge were most useful for your organisation's plans?",
            [new ReportCount("Electrical Engineering cleanroom, University of Cambridge", 12), new ReportCount("Paragraf", 3)]);

        svg.Should().Contain("viewBox=\"0 0 360 ").And.Contain("width=\"360\"", "a phone shows it about 1:1, so 13-unit text stays 13 px");
        System.Text.RegularExpressions.Regex.Matches(svg, "font-size=\"14\"").Count.Should().Be(2, "the long title wraps onto a second line");
        svg.Should().Contain(">Electrical Engineering cleanroom, University of C…<", "a label has the chart's width to itself, up to 50 characters")
            .And.Contain("<rect x=\"0\"", "each bar starts under its label");
        svg.Should().Contain("<title>3. Which of the lab tours and company visits in Cambridge were most useful for your organisation&#39;s plans?</title>");
    }

    [Theory, AllDatabases]
    public async Task A_mission_with_no_data_gets_an_honest_empty_report(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider);
        await using var app = scenario.App;

        var report = await app.SendAsync(new GetMissionReportQuery(scenario.Mission));

        report.IsEmpty.Should().BeTrue();
        report.Should().BeEquivalentTo(new { Delegates = 0, ProgrammeItems = 0, Visits = 0, MeetingsHeld = 0, ActionsOverdue = 0 }, o => o.ExcludingMissingMembers());
        report.BySector.Should().BeEmpty();
        report.AgreementsSigned.Should().BeEmpty();
        var text = await PrintAsync(app, scenario.Mission);
        text.Should().Contain("NL–UK mission: mission report").And.Contain("Nothing has been recorded for this mission yet").And.Contain("0 confirmed delegates")
            .And.Contain("No agreement signed");
    }

    [Theory, AllDatabases]
    public async Task The_report_counts_what_happened_and_names_only_the_delegates_who_agreed_to_be_listed(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        var venue = await app.SendAsync(new CreateVenueCommand("Royal Society", "6–9 Carlton House Terrace", "London", VenueKind.ConferenceCentre, null, null) { MissionId = mission });
        var symposium = await app.SendAsync(new CreateProgrammeItemCommand("Bilateral symposium", null, ProgrammeItemKind.SymposiumSession,
            start.ToDateTime(new TimeOnly(9, 0)), start.ToDateTime(new TimeOnly(17, 0)), venue, 80, false)
        { MissionId = mission });
        var briefing = await app.SendAsync(new CreateProgrammeItemCommand("Company visit briefing", null, ProgrammeItemKind.Talk,
            start.AddDays(1).ToDateTime(new TimeOnly(9, 0)), start.AddDays(1).ToDateTime(new TimeOnly(10, 0)), venue, null, false)
        { MissionId = mission });
        await app.SendAsync(new CancelProgrammeItemCommand(mission, briefing));
        await scenario.InviteAsync(3);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, name == "Person 1" ? "OPT/NET BV" : "TU Delft",
            name == "Person 1" ? Sector.Industry : Sector.Academia, DelegationRole.Member, true, ConsentListing: name != "Person 0"));
        await app.InsertAsync(new Organisation(mission, "TU Delft", "Netherlands", Sector.Academia));
        var today = Today(app);
        await app.SendAsync(new AddFollowUpActionCommand("Share the report with the ministry", null, "Topsector ICT", "marieke@topsector.example", today.AddDays(1))
        { MissionId = mission });
        var done = await app.SendAsync(new AddFollowUpActionCommand("Send the slides", null, "Person 2", "person2@example.org", today.AddDays(1)) { MissionId = mission });
        await app.SendAsync(new UpdateFollowUpActionCommand("Send the slides", null, "Person 2", "person2@example.org", today.AddDays(1), ActionStatus.Done, 0)
        { MissionId = mission, ActionId = done });

        // The mission happens: two of the three check in at the symposium.
        app.Clock.Advance(TimeSpan.FromDays(4));
        foreach (var name in new[] { "Person 1", "Person 2" })
        {
            await app.InsertAsync(new Attendance(mission, symposium, scenario.RegistrationIds[name], Guid.NewGuid(), app.Clock.GetUtcNow().UtcDateTime));
        }

        var report = await app.SendAsync(new GetMissionReportQuery(mission));

        report.IsEmpty.Should().BeFalse();
        report.Delegates.Should().Be(3);
        report.BySector.Should().Equal(new ReportCount("Academia", 2), new ReportCount("Industry", 1));
        report.ByCountry.Should().Equal(new ReportCount("Netherlands", 2), new ReportCount("not recorded", 1));
        report.ListedDelegates.Should().Equal("Person 1, OPT/NET BV", "Person 2, TU Delft");
        report.ProgrammeItems.Should().Be(2);
        report.CancelledItems.Should().ContainSingle().Which.Should().StartWith("Company visit briefing (");
        report.Attendance.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Item = "Bilateral symposium", CheckedIn = 2, Capacity = 80 },
            o => o.ExcludingMissingMembers());
        report.Actions.Should().BeEquivalentTo([new ReportCount("open", 1), new ReportCount("done", 1)]);
        report.ActionsOverdue.Should().Be(1);

        var text = await PrintAsync(app, mission, snapshot: provider == DatabaseProvider.Sqlite ? "mission-report" : null);
        text.Should().Contain("3 confirmed delegates").And.Contain("Person 1, OPT/NET BV").And.Contain("Person 2, TU Delft")
            .And.NotContain("Person 0", "Person 0 did not agree to be listed");
        text.Should().Contain("Bilateral symposium").And.Contain("of which cancelled: Company visit briefing").And.Contain("2 follow-up actions, 1 overdue");
        text.Should().Contain("Delegates by sector").And.Contain("Academia").And.Contain("Netherlands", "the charts are drawn into the PDF with their titles and labels");

        // What it counts changes: the report printed before is printed again.
        await app.SendAsync(new AddFollowUpActionCommand("Plan a return visit", null, "Topsector ICT", "marieke@topsector.example", Today(app).AddDays(30))
        { MissionId = mission });
        (await app.SendAsync(new ListDocumentRunsQuery(mission))).Should().ContainSingle(r => r.Kind == DocumentKind.MissionReport && r.Status == DocumentRunStatus.Queued)
            .Which.Reason.Should().Be("the follow-up actions changed");
    }

    private static DateOnly Today(Slice app) =>
        DateOnly.FromDateTime(MissionTime.ToLocal(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));

    internal static async Task<string> PrintAsync(Slice app, Guid mission, string? snapshot = null)
    {
        var run = await app.SendAsync(new RequestDocumentsCommand(DocumentKind.MissionReport) { MissionId = mission });
        (await app.SendAsync(new ProcessDocumentRunsCommand())).Should().Be(1);
        (await app.SendAsync(new ListDocumentRunsQuery(mission))).Single(r => r.Id == run).Files.Should().Equal("mission-report.pdf");
        var pdf = await app.SendAsync(new GetDocumentFileQuery(mission, run, "mission-report.pdf"));
        if (snapshot is not null)
        {
            await DocumentTests.SnapshotAsync(pdf, snapshot);
        }

        return await DocumentTests.PdfText(pdf);
    }
}
