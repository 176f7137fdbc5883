using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPlanner.Data;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.FollowUp;

/// <summary>
/// Reminds the owners of open actions: once <see cref="FollowUpOptions.ReminderDaysBefore"/> days
/// before the due day and once on it (days in the mission's time zone). An action created inside
/// that window (later than that many days before) gets only the reminder on its day; one already
/// past its day gets none (the Follow-up page lists it as overdue); none once the mission's
/// personal data is purged.
/// </summary>
public sealed record SendActionRemindersCommand : IRequest<int>;

public sealed class SendActionRemindersHandler(AppDbContext db, OutboxWriter outbox, IOptions<FollowUpOptions> options, TimeProvider clock)
    : IRequestHandler<SendActionRemindersCommand, int>
{
    public async Task<int> Handle(SendActionRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var daysBefore = options.Value.ReminderDaysBefore;
        // Days differ by at most a day between the mission's zone and UTC: older actions are past their day everywhere.
        var oldestDue = DateOnly.FromDateTime(now).AddDays(-1);
        var open = await db.FollowUpActions
            .Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.RemindedOnDueAt == null && a.DueDate >= oldestDue
                && db.Missions.Any(m => m.Id == a.MissionId && m.PersonalDataPurgedAt == null))
            .ToListAsync(cancellationToken);
        var missionIds = open.Select(a => a.MissionId).ToHashSet();
        var missions = await db.Missions.AsNoTracking().Where(m => missionIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var sent = 0;
        foreach (var action in open)
        {
            var mission = missions[action.MissionId];
            var today = Domain.Missions.MissionTime.LocalDate(now, mission.TimeZone);
            var onDueDay = today == action.DueDate;
            var before = !onDueDay && action.RemindedBeforeAt is null && today < action.DueDate && today >= action.DueDate.AddDays(-daysBefore)
                         && action.CreatedOn <= action.DueDate.AddDays(-daysBefore);
            if (!onDueDay && !before)
            {
                continue;
            }

            if (onDueDay)
            {
                action.RemindedOnDue(now);
            }
            else
            {
                action.RemindedBefore(now);
            }

            await outbox.EnqueueAsync("action-reminder", action.OwnerEmail, action.Owner,
                new EmailModels.ActionReminder(action.Owner, action.Title, action.Notes, mission.Title,
                    action.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), onDueDay),
                mission.Id, $"action-{action.Id:N}-{(onDueDay ? "due" : "before")}", cancellationToken);
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
