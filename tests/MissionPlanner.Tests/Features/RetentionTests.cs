using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Documents;
using MissionPlanner.Features.FollowUp;
using MissionPlanner.Features.Meetings;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Report;
using MissionPlanner.Features.Retention;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Personal data kept for a set time after the mission, then purged; the report's counts stay.</summary>
public sealed class RetentionTests
{
    [Theory, AllDatabases]
    public async Task Personal_data_is_purged_when_the_retention_period_ends_and_the_report_keeps_its_counts(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        await scenario.InviteAsync(2);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, true,
            Phone: "+31 6 1234 5678", Dietary: "vegetarian", ConsentListing: true));
        await app.SendAsync(new AddCounterpartCommand("Sam Patel", "sam@counterpart.example", "Rolls-Royce", Sector.Industry, "United Kingdom")
        { MissionId = mission });

        await app.SendAsync(new AddFollowUpActionCommand("Send Person 0 the slides", "Person 0 asked at dinner", "Person 1", "person1@example.org",
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60))
        { MissionId = mission });
        var printed = await app.SendAsync(new RequestDocumentsCommand(DocumentKind.MissionReport) { MissionId = mission });
        (await app.SendAsync(new ProcessDocumentRunsCommand())).Should().Be(1);
        (await DocumentTests.PdfText(await app.SendAsync(new GetDocumentFileQuery(mission, printed, "mission-report.pdf")))).Should().Contain("Person 0, TU Delft");

        var before = await app.SendAsync(new GetRetentionQuery(mission));
        before.Should().BeEquivalentTo(new { Days = 365, IsDefault = true, PurgeOn = start.AddDays(1 + 1 + 365), PurgedAt = (DateTime?)null, Registrations = 2, Invitations = 2, Counterparts = 1 },
            o => o.ExcludingMissingMembers());
        before.Emails.Should().BeGreaterThanOrEqualTo(2, "the invitations and confirmations went out");

        var negative = () => app.SendAsync(new SetRetentionCommand(-1) { MissionId = mission });
        (await negative.Should().ThrowAsync<FluentValidation.ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should().Equal("Days");
        await app.SendAsync(new SetRetentionCommand(30) { MissionId = mission });
        (await app.SendAsync(new GetRetentionQuery(mission))).Should().BeEquivalentTo(new { Days = 30, IsDefault = false, PurgeOn = start.AddDays(1 + 1 + 30) },
            o => o.ExcludingMissingMembers());
        var report = await app.SendAsync(new GetMissionReportQuery(mission));

        // The day before it is due, nothing goes; the day after, everything personal does, in one go.
        app.Clock.Advance(TimeSpan.FromDays(3 + 2 + 30 - 1));
        (await app.SendAsync(new PurgePersonalDataCommand())).Should().Be(0);
        (await app.QueryAsync(db => db.Registrations.CountAsync(r => r.Name.StartsWith("Person")))).Should().Be(2);
        app.Clock.Advance(TimeSpan.FromDays(2));
        (await app.SendAsync(new PurgePersonalDataCommand())).Should().Be(1);
        (await app.SendAsync(new PurgePersonalDataCommand())).Should().Be(0, "purged once");

        var people = await app.QueryAsync(db => db.Registrations.Where(r => r.MissionId == mission).ToListAsync());
        people.Should().HaveCount(2).And.OnlyContain(r => r.Name == "Participant (data purged)" && r.Email.EndsWith("@purged.invalid") && r.Phone == null
            && r.Dietary == null && r.PurgedAt != null && r.Status == RegistrationStatus.Confirmed && r.Organisation == "TU Delft");
        (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.MissionId == mission).AllAsync(m => m.ToAddress.EndsWith(".invalid") && m.TextBody == "")))
            .Should().BeTrue();
        (await app.QueryAsync(db => db.Invitations.Where(i => i.MissionId == mission).AllAsync(i => i.Email.EndsWith(".invalid")))).Should().BeTrue();
        (await app.QueryAsync(db => db.Counterparts.SingleAsync())).Should().BeEquivalentTo(new { Name = "Counterpart (data purged)", Organisation = "Rolls-Royce" },
            o => o.ExcludingMissingMembers());
        (await app.QueryAsync(db => db.PersonalLinks.Where(l => l.MissionId == mission).AllAsync(l => l.RevokedAt != null))).Should().BeTrue("no personal link works any more");
        (await app.QueryAsync(db => db.FollowUpActions.SingleAsync())).Should().BeEquivalentTo(new { Owner = "(purged)", OwnerEmail = "purged@purged.invalid", Notes = (string?)null },
            o => o.ExcludingMissingMembers());
        (await app.SendAsync(new ListDocumentRunsQuery(mission))).Single(r => r.Id == printed).Files.Should().BeEmpty("the printed report named people");
        (await app.SendAsync(new ListDocumentRunsQuery(mission))).Should().Contain(r => r.Status == DocumentRunStatus.Queued && r.Reason == "the personal data was purged");

        var after = await app.SendAsync(new GetRetentionQuery(mission));
        after.PurgedAt.Should().NotBeNull();
        after.Should().BeEquivalentTo(new { Registrations = 0, Invitations = 0, Emails = 0, Counterparts = 0 }, o => o.ExcludingMissingMembers());
        var kept = await app.SendAsync(new GetMissionReportQuery(mission));
        kept.Delegates.Should().Be(report.Delegates).And.Be(2);
        kept.BySector.Should().Equal(report.BySector);
        kept.ByOrganisation.Should().Equal(report.ByOrganisation);
        report.ListedDelegates.Should().HaveCount(2);
        kept.ListedDelegates.Should().BeEmpty("nobody is named once their data is purged");

        var later = () => app.SendAsync(new SetRetentionCommand(400) { MissionId = mission });
        await later.Should().ThrowAsync<DomainException>("what is gone cannot be kept longer");
    }

    [Theory, AllDatabases]
    public async Task A_shorter_period_never_purges_within_a_week_of_the_change(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        await using var app = scenario.App;
        await scenario.InviteAsync(1);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, true));
        app.Clock.Advance(TimeSpan.FromDays(40));

        await app.SendAsync(new SetRetentionCommand(0) { MissionId = scenario.Mission });

        var view = await app.SendAsync(new GetRetentionQuery(scenario.Mission));
        view.PurgeDueAt.Should().BeCloseTo(app.Clock.GetUtcNow().UtcDateTime.AddDays(7), TimeSpan.FromSeconds(1), "a week to think again, not an hour");
        app.Clock.Advance(TimeSpan.FromDays(6));
        (await app.SendAsync(new PurgePersonalDataCommand())).Should().Be(0);
        app.Clock.Advance(TimeSpan.FromDays(2));
        (await app.SendAsync(new PurgePersonalDataCommand())).Should().Be(1);
    }
}
