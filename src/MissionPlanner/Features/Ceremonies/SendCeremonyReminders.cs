using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>
/// The automatic part: reminders to those who have not confirmed, and one email to the owner of
/// each task that is past its due day and not done.
/// </summary>
public sealed record SendCeremonyRemindersCommand : IRequest<(int Confirmations, int Tasks)>;

public sealed class SendCeremonyRemindersHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, IOptions<CeremonyOptions> options,
    TimeProvider clock)
    : IRequestHandler<SendCeremonyRemindersCommand, (int Confirmations, int Tasks)>
{
    public async Task<(int Confirmations, int Tasks)> Handle(SendCeremonyRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now - options.Value.ReminderInterval;
        var pending = await db.CeremonyPeople.Where(p => p.Confirmation == ConfirmationStatus.Pending && p.Email != null
            && p.Reminders < options.Value.ReminderLimit && (p.LastRemindedAt ?? p.AskedAt) <= due).ToListAsync(cancellationToken);
        var open = await db.CeremonyTasks.Where(t => !t.Done && t.RemindedAt == null).ToListAsync(cancellationToken);
        var ids = pending.Select(p => p.CeremonyId).Concat(open.Select(t => t.CeremonyId)).ToHashSet();
        var ceremonies = await db.Ceremonies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        // Each ceremony's item and mission once per run, however many people and tasks it has.
        var contexts = new Dictionary<Guid, (ProgrammeItem Item, Mission Mission)>();
        async Task<(Ceremony Ceremony, ProgrammeItem Item, Mission Mission)> ContextAsync(Guid id)
        {
            if (!contexts.TryGetValue(id, out var context))
            {
                contexts[id] = context = await CeremonyLookup.ItemAsync(db, ceremonies[id], cancellationToken);
            }

            return (ceremonies[id], context.Item, context.Mission);
        }

        var sent = 0;
        foreach (var person in pending)
        {
            var (ceremony, item, _) = await ContextAsync(person.CeremonyId);
            if (item.StartsAt <= now)
            {
                continue;
            }

            await CeremonyEmails.AskAsync(db, outbox, links, personalLinks, ceremony, person, now, reminder: true, cancellationToken);
            sent++;
        }

        var tasks = 0;
        foreach (var task in open)
        {
            var (_, item, mission) = await ContextAsync(task.CeremonyId);
            if (task.DueDate >= MissionTime.LocalDate(now, mission.TimeZone))
            {
                continue;
            }

            task.Reminded(now);
            await outbox.EnqueueAsync("ceremony-task-overdue", task.OwnerEmail, task.Owner,
                new EmailModels.CeremonyTaskOverdue(task.Owner, task.Title, item.Title, mission.Title,
                    task.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))), mission.Id, $"task-{task.Id:N}", cancellationToken);
            tasks++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (sent, tasks);
    }
}
