using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Links;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Invitations;

/// <summary>
/// Sends every reminder that has come due: for each open mission with a deadline, each "N days
/// before" whose 09:00 (mission time) has passed since the schedule was set and that has not run
/// yet for this deadline. The run record, the reminders and their emails commit together, so a
/// reminder goes out once even when the job runs again, late, or on another node.
/// </summary>
public sealed record SendDueRemindersCommand : IRequest<int>;

public sealed class SendDueRemindersHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock,
    ILogger<SendDueRemindersHandler> logger) : IRequestHandler<SendDueRemindersCommand, int>
{
    public async Task<int> Handle(SendDueRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var missions = await db.Missions.AsNoTracking()
            .Where(m => m.Status == MissionStatus.Open && m.RegistrationDeadline != null)
            .ToListAsync(cancellationToken);
        var total = 0;
        foreach (var mission in missions)
        {
            foreach (var days in mission.ReminderDayList)
            {
                var due = mission.ReminderDueAt(days)!.Value;
                if (due > now || due < mission.ReminderScheduleSetAt || now >= mission.RegistrationClosesAt)
                {
                    continue;
                }

                var deadline = mission.RegistrationDeadline!.Value;
                if (await db.ReminderRuns.AnyAsync(r => r.MissionId == mission.Id && r.Deadline == deadline && r.DaysBefore == days, cancellationToken))
                {
                    continue;
                }

                total += await RemindAsync(mission, deadline, days, now, cancellationToken);
            }
        }

        return total;
    }

    private async Task<int> RemindAsync(Mission mission, DateOnly deadline, int days, DateTime now, CancellationToken ct)
    {
        var pending = now < mission.LinksExpireAt
            ? await db.Invitations.Where(i => i.MissionId == mission.Id && i.Status == InvitationStatus.Pending).ToListAsync(ct)
            : [];
        // A reminder carries a fresh link: the person may have lost the first email.
        var tokens = await personalLinks.IssueManyAsync(mission, LinkPurpose.Invitation, pending.Select(i => i.Id).ToList(), ct);
        var batch = $"reminder-{deadline:yyyyMMdd}-{days}d";
        foreach (var invitation in pending)
        {
            var token = tokens[invitation.Id];
            invitation.Reminded(now);
            await outbox.EnqueueAsync("invitation-reminder", invitation.Email, invitation.Name,
                new EmailModels.InvitationReminder(invitation.Name, mission.Title, PublicLinks.Where(mission),
                    PublicLinks.Dates(mission.StartDate, mission.EndDate), links.Invitation(token), PublicLinks.Day(deadline), days),
                mission.Id, batch, ct);
        }

        db.ReminderRuns.Add(new ReminderRun(mission.Id, deadline, days, pending.Count, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node recorded the same run first (unique key): its reminders stand, ours are dropped.
            db.ChangeTracker.Clear();
            return 0;
        }

        logger.LogInformation("Reminded {Count} invitee(s) of mission {Mission}, {Days} days before the deadline", pending.Count, mission.Id, days);
        return pending.Count;
    }
}

/// <summary>Looks for due reminders every few minutes; its trigger lives in the job store and survives restarts.</summary>
[DisallowConcurrentExecution]
public sealed class InvitationRemindersJob(IServiceScopeFactory scopes, ILogger<InvitationRemindersJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("invitation-reminders");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new SendDueRemindersCommand(), ct);
}
