using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Links;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// Reminds the side that answers a meeting request still open after <see cref="MeetingOptions.RequestReminderInterval"/>,
/// up to <see cref="MeetingOptions.RequestReminderLimit"/> times, until the mission ends; the email carries their link again.
/// </summary>
public sealed record SendMeetingRequestRemindersCommand : IRequest<int>;

public sealed class SendMeetingRequestRemindersHandler(
    AppDbContext db, OutboxWriter outbox, PersonalLinks links, PublicLinks publicLinks, IOptions<MeetingOptions> options, TimeProvider clock)
    : IRequestHandler<SendMeetingRequestRemindersCommand, int>
{
    public async Task<int> Handle(SendMeetingRequestRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now - options.Value.RequestReminderInterval;
        var open = await db.MeetingRequests
            .Where(r => r.Status == MeetingRequestStatus.Pending && r.Reminders < options.Value.RequestReminderLimit && (r.LastRemindedAt ?? r.CreatedAt) <= due)
            // Only while both are still in: a confirmed delegate, a counterpart not removed.
            .Where(r => db.Registrations.Any(x => x.Id == r.DelegateId && x.Status == Domain.Registrations.RegistrationStatus.Confirmed && x.ErasedAt == null)
                        && db.Counterparts.Any(c => c.Id == r.CounterpartId && c.RemovedAt == null))
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var forMission in open.GroupBy(r => r.MissionId))
        {
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == forMission.Key, cancellationToken);
            if (now > mission.UtcWindow().To)
            {
                continue;
            }

            foreach (var r in forMission)
            {
                var asker = await MeetingParties.PersonAsync(db, mission, r.From, r.From == MeetingParty.Delegate ? r.DelegateId : r.CounterpartId, cancellationToken);
                var answerer = await MeetingParties.PersonAsync(db, mission, r.To, r.To == MeetingParty.Delegate ? r.DelegateId : r.CounterpartId, cancellationToken);
                r.Reminded(now);
                await outbox.EnqueueAsync("meeting-request", answerer.Email, answerer.Name,
                    new EmailModels.MeetingRequest(answerer.Name, asker.Name, asker.Organisation, mission.Title, PublicLinks.Dates(mission.StartDate, mission.EndDate),
                        r.Message, MeetingParties.LinkFor(links, publicLinks, answerer))
                    { Reminder = true },
                    mission.Id, null, cancellationToken);
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}

[DisallowConcurrentExecution]
public sealed class MeetingRequestRemindersJob(IServiceScopeFactory scopes, ILogger<MeetingRequestRemindersJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("meeting-request-reminders");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new SendMeetingRequestRemindersCommand(), ct);
}
