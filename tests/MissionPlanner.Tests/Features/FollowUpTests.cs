using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Ceremonies;
using MissionPlanner.Features.FollowUp;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>
/// After the mission: the next steps of the strategic session and the milestones of the agreement
/// signed at the ceremony, with owners reminded before and on their due day.
/// </summary>
public sealed class FollowUpTests
{
    [Theory, AllDatabases]
    public async Task Actions_and_agreement_milestones_are_listed_overdue_first_and_refuse_what_cannot_be(DatabaseProvider provider)
    {
        var w = await CeremonyTests.ArrangeAsync(provider);
        await using var _ = w.App;
        var today = Today(w.App);
        var agreement = await w.App.QueryAsync(db => db.CeremonyAgreements.Select(a => a.Id).SingleAsync());
        await w.App.SendAsync(new SaveAgreementCommand("Establishment agreement of OPT/NET UK Ltd", "English, Dutch", 2, "Fleur Kok", AgreementStatus.Signed)
        { MissionId = w.Mission, CeremonyId = w.Ceremony, AgreementId = agreement });

        var register = await w.App.SendAsync(new AddFollowUpActionCommand("Register OPT/NET UK Ltd at Companies House", null, "OPT/NET BV", "fleur@optnet.example",
            today.AddDays(20), AgreementId: agreement)
        { MissionId = w.Mission });
        var draft = await w.App.SendAsync(new AddFollowUpActionCommand("Send the draft research agreement to the University of Manchester",
            "Agreed at the strategic session: a first draft within a month.", "Luuk van der Meer", "luuk@optnet.example", today.AddDays(2))
        { MissionId = w.Mission });
        var report = await w.App.SendAsync(new AddFollowUpActionCommand("Share the mission report with the ministry", null, "Topsector ICT", "marieke@topsector.example",
            today.AddDays(1))
        { MissionId = w.Mission });

        var listed = await w.App.SendAsync(new ListFollowUpActionsQuery(w.Mission));
        listed.Select(a => a.Id).Should().Equal([report, draft, register], "open actions by due day");
        listed.Single(a => a.Id == register).FollowsUp.Should().Be("Agreement: Establishment agreement of OPT/NET UK Ltd");
        listed.Should().OnlyContain(a => !a.Overdue && a.Status == ActionStatus.Open);

        // Two days on, the report is overdue and comes first; done actions go last.
        w.App.Clock.Advance(TimeSpan.FromDays(2));
        var drafted = listed.Single(a => a.Id == draft);
        await w.App.SendAsync(new UpdateFollowUpActionCommand(drafted.Title, drafted.Notes, drafted.Owner, drafted.OwnerEmail, drafted.DueDate, ActionStatus.Done,
            drafted.Version)
        { MissionId = w.Mission, ActionId = draft });
        listed = await w.App.SendAsync(new ListFollowUpActionsQuery(w.Mission));
        listed.Select(a => a.Id).Should().Equal([report, register, draft]);
        listed[0].Overdue.Should().BeTrue();
        listed[2].ClosedAt.Should().NotBeNull();

        // A stale version is a conflict, not an overwrite.
        var stale = () => w.App.SendAsync(new UpdateFollowUpActionCommand("Changed", null, "Someone", "someone@example.org", drafted.DueDate, ActionStatus.Open,
            drafted.Version)
        { MissionId = w.Mission, ActionId = draft });
        await stale.Should().ThrowAsync<DbUpdateConcurrencyException>();

        // Refused, naming the field, and nothing saved.
        var count = await w.App.CountAsync<FollowUpAction>();
        var backdated = () => w.App.SendAsync(new AddFollowUpActionCommand("Late", null, "Someone", "someone@example.org", Today(w.App).AddDays(-1)) { MissionId = w.Mission });
        (await backdated.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("DueDate");
        var foreign = await Scenario.MissionAsync(provider, title: "Another mission");
        await using (foreign.App)
        {
            var elsewhere = () => w.App.SendAsync(new AddFollowUpActionCommand("Wrong", null, "Someone", "someone@example.org", today.AddDays(9),
                VisitId: Guid.NewGuid())
            { MissionId = w.Mission });
            (await elsewhere.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("VisitId");
        }

        var both = () => w.App.SendAsync(new AddFollowUpActionCommand("Two things", null, "Someone", "someone@example.org", today.AddDays(9),
            AgreementId: agreement, MeetingId: Guid.NewGuid())
        { MissionId = w.Mission });
        await both.Should().ThrowAsync<DomainException>();
        var noOwner = () => w.App.SendAsync(new AddFollowUpActionCommand("No owner", null, " ", "not an address", today.AddDays(9)) { MissionId = w.Mission });
        (await noOwner.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo("Owner", "OwnerEmail");
        (await w.App.CountAsync<FollowUpAction>()).Should().Be(count);
    }

    [Theory, AllDatabases]
    public async Task Owners_are_reminded_days_before_and_on_the_due_day_once_each_and_never_for_closed_actions(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider);
        await using var app = scenario.App;
        var today = Today(app);
        await app.SendAsync(new AddFollowUpActionCommand("Send the draft research agreement", "A first draft within a month.", "Ann de Vries", "ann@example.org",
            today.AddDays(5))
        { MissionId = scenario.Mission });
        var dropped = await app.SendAsync(new AddFollowUpActionCommand("Plan a return visit", null, "Bob Smith", "bob@example.org", today.AddDays(5))
        { MissionId = scenario.Mission });
        var view = (await app.SendAsync(new ListFollowUpActionsQuery(scenario.Mission))).Single(a => a.Id == dropped);
        await app.SendAsync(new UpdateFollowUpActionCommand(view.Title, view.Notes, view.Owner, view.OwnerEmail, view.DueDate, ActionStatus.Dropped, view.Version)
        { MissionId = scenario.Mission, ActionId = dropped });
        await app.SendAsync(new AddFollowUpActionCommand("Book the return flights", null, "Carla Jansen", "carla@example.org", today.AddDays(1))
        { MissionId = scenario.Mission });

        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(0, "five days out is before the three-day window; Carla's action was made inside it");
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(1, "Carla's action is due today");
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(1, "three days before Ann's");
        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(0, "once");
        app.Clock.Advance(TimeSpan.FromDays(3));
        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(1, "Ann's due day");
        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(0, "once");
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await app.SendAsync(new SendActionRemindersCommand())).Should().Be(0, "overdue actions are on the Follow-up page, not emailed every day");

        var emails = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "action-reminder").OrderBy(m => m.CreatedAt).ToListAsync());
        emails.Select(m => m.ToAddress).Should().Equal("carla@example.org", "ann@example.org", "ann@example.org");
        emails[0].Subject.Should().Be("Due today: Book the return flights");
        emails[1].Subject.Should().StartWith("Due ").And.EndWith(": Send the draft research agreement").And.Contain(today.AddDays(5).ToString("d MMMM yyyy"));
        emails[1].TextBody.Should().Contain("A first draft within a month.").And.Contain("NL–UK mission");
        emails[2].Subject.Should().Be("Due today: Send the draft research agreement");
    }

    private static DateOnly Today(Slice app) => DateOnly.FromDateTime(MissionTime.ToLocal(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
}
