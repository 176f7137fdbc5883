using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// Asks both sides of each held meeting (published, its time past, nobody marked absent) what came of it: right after
/// it (round 1), and again <see cref="MeetingOptions.FollowUpAfter"/> later (round 2); a question unanswered after
/// <see cref="MeetingOptions.OutcomeReminderAfter"/> is asked once more. Returns the emails written.
/// </summary>
public sealed record AskMeetingOutcomesCommand : IRequest<int>;

public sealed class AskMeetingOutcomesHandler(
    AppDbContext db, OutboxWriter outbox, PersonalLinks links, PublicLinks publicLinks, IOptions<MeetingOptions> options, TimeProvider clock)
    : IRequestHandler<AskMeetingOutcomesCommand, int>
{
    public async Task<int> Handle(AskMeetingOutcomesCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var followUp = now - options.Value.FollowUpAfter;
        var held = await (from m in db.Meetings.Include(x => x.Delegates)
                          join i in db.ProgrammeItems on m.ProgrammeItemId equals i.Id
                          // Nobody is asked once the mission's personal data is purged (its retention period ended).
                          where !i.Cancelled && i.EndsAt <= now && m.NoShow == null
                                && db.Missions.Any(x => x.Id == m.MissionId && x.PersonalDataPurgedAt == null)
                                && (!db.MeetingOutcomes.Any(o => o.MeetingId == m.Id && o.Round == 1)
                                    || i.EndsAt <= followUp && !db.MeetingOutcomes.Any(o => o.MeetingId == m.Id && o.Round == 2))
                          select new { Meeting = m, i.StartsAt }).ToListAsync(cancellationToken);
        var remind = await db.MeetingOutcomes.Where(o => o.AnsweredAt == null && o.Reminders == 0 && o.AskedAt <= now - options.Value.OutcomeReminderAfter
                && db.Missions.Any(x => x.Id == o.MissionId && x.PersonalDataPurgedAt == null))
            .ToListAsync(cancellationToken);
        var sent = 0;
        var missions = new Dictionary<Guid, Mission>();
        async Task<Mission> MissionAsync(Guid id) => missions.TryGetValue(id, out var m) ? m
            : missions[id] = await db.Missions.AsNoTracking().FirstAsync(x => x.Id == id, cancellationToken);

        foreach (var h in held)
        {
            var mission = await MissionAsync(h.Meeting.MissionId);
            var round = await db.MeetingOutcomes.AnyAsync(o => o.MeetingId == h.Meeting.Id && o.Round == 1, cancellationToken) ? 2 : 1;
            foreach (var (party, id) in h.Meeting.Delegates.Select(d => (MeetingParty.Delegate, d.RegistrationId)).Append((MeetingParty.Counterpart, h.Meeting.CounterpartId)))
            {
                var outcome = new MeetingOutcome(mission.Id, h.Meeting.Id, party, id, round, now);
                db.MeetingOutcomes.Add(outcome);
                sent += await AskAsync(mission, h.Meeting, outcome, h.StartsAt, reminder: false, cancellationToken) ? 1 : 0;
            }
        }

        foreach (var outcome in remind)
        {
            outcome.Reminded();
            var meeting = await db.Meetings.Include(m => m.Delegates).AsNoTracking().FirstAsync(m => m.Id == outcome.MeetingId, cancellationToken);
            var startsAt = await db.ProgrammeItems.Where(i => i.Id == meeting.ProgrammeItemId).Select(i => i.StartsAt).FirstAsync(cancellationToken);
            sent += await AskAsync(await MissionAsync(outcome.MissionId), meeting, outcome, startsAt, reminder: true, cancellationToken) ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// <summary>Emails one person, unless they left (a delegate no longer confirmed or erased, a counterpart removed).</summary>
    private async Task<bool> AskAsync(Mission mission, Meeting meeting, MeetingOutcome outcome, DateTime startsAt, bool reminder, CancellationToken ct)
    {
        string with;
        if (outcome.Party == MeetingParty.Delegate)
        {
            if (!await db.Registrations.AnyAsync(r => r.Id == outcome.PersonId && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null && r.PurgedAt == null, ct))
            {
                return false;
            }

            var c = await db.Counterparts.AsNoTracking().FirstAsync(x => x.Id == meeting.CounterpartId, ct);
            with = $"{c.Name} ({c.Organisation})";
        }
        else
        {
            if (!await db.Counterparts.AnyAsync(c => c.Id == outcome.PersonId && c.RemovedAt == null, ct))
            {
                return false;
            }

            var ids = meeting.Delegates.Select(d => d.RegistrationId).ToList();
            with = string.Join(" and ", await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id) && r.ErasedAt == null)
                .OrderBy(r => r.Name).Select(r => r.Name + " (" + r.Organisation + ")").ToListAsync(ct));
        }

        var person = await MeetingParties.PersonAsync(db, mission, outcome.Party, outcome.PersonId, ct);
        await outbox.EnqueueAsync("meeting-outcome", person.Email, person.Name,
            new EmailModels.MeetingOutcomeRequest(person.Name, mission.Title, with, MissionTime.ToLocal(startsAt, mission.TimeZone).ToString("dddd d MMMM yyyy, HH:mm",
                System.Globalization.CultureInfo.GetCultureInfo("en-GB")), outcome.Round == 2, reminder,
                MeetingParties.LinkFor(links, publicLinks, person, clock.GetUtcNow().UtcDateTime + options.Value.OutcomeAnswerWindow)),
            mission.Id, null, ct);
        return true;
    }
}

[DisallowConcurrentExecution]
public sealed class MeetingOutcomesJob(IServiceScopeFactory scopes, ILogger<MeetingOutcomesJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("meeting-outcomes");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new AskMeetingOutcomesCommand(), ct);
}
