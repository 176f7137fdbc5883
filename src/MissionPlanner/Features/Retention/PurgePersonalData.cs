using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Retention;

/// <summary>
/// Purges the personal data of every mission whose retention period is over (the job runs it
/// hourly): registrations keep status, sector, organisation and role but lose names, addresses,
/// answers, travel and ID details; invitations, emails, ceremony guests and counterparts lose who
/// they were; every personal link stops working; audit details go. The mission report's counts
/// stay. One transaction per mission, so a mission is purged whole or not at all.
/// </summary>
public sealed record PurgePersonalDataCommand : IRequest<int>;

public sealed class PurgePersonalDataHandler(AppDbContext db, PersonalLinks links, IOptions<PrivacyOptions> options, TimeProvider clock,
    ILogger<PurgePersonalDataHandler> logger) : IRequestHandler<PurgePersonalDataCommand, int>
{
    public async Task<int> Handle(PurgePersonalDataCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var defaultDays = options.Value.PersonalDataRetentionDays;
        var candidates = await db.Missions.AsNoTracking().Where(m => m.PersonalDataPurgedAt == null).ToListAsync(cancellationToken);
        var purged = 0;
        foreach (var id in candidates.Where(m => m.PurgeDueAt(defaultDays) <= now).Select(m => m.Id))
        {
            await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
            var mission = await db.Missions.FirstAsync(m => m.Id == id, cancellationToken);
            if (mission.PersonalDataPurgedAt is not null)
            {
                continue;
            }

            var registrations = await db.Registrations.Where(r => r.MissionId == id && r.PurgedAt == null).ToListAsync(cancellationToken);
            registrations.ForEach(r => r.PurgePersonalData(now));
            var invitations = await db.Invitations.Where(i => i.MissionId == id).ToListAsync(cancellationToken);
            invitations.ForEach(i => i.Erase($"purged-{i.Id:N}@purged.invalid"));
            var messages = await db.OutboxMessages.Where(m => m.MissionId == id && !m.ToAddress.EndsWith(".invalid")).ToListAsync(cancellationToken);
            messages.ForEach(m => m.Erase($"purged-{m.Id:N}@purged.invalid"));
            var guests = await (from p in db.CeremonyPeople join c in db.Ceremonies on p.CeremonyId equals c.Id where c.MissionId == id select p)
                .ToListAsync(cancellationToken);
            guests.ForEach(g => g.Erase());
            var counterparts = await db.Counterparts.Where(c => c.MissionId == id).ToListAsync(cancellationToken);
            counterparts.ForEach(c => c.PurgePersonalData(now));
            await links.RevokeAsync(null, [.. registrations.Select(r => r.Id), .. invitations.Select(i => i.Id), .. guests.Select(g => g.Id),
                .. counterparts.Select(c => c.Id)], "the mission's retention period ended", cancellationToken);
            await db.RegistrationAudits.Where(a => a.MissionId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, (string?)null), cancellationToken);
            mission.PersonalDataPurged(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Purged the personal data of mission {MissionId}: {Registrations} registrations, {Messages} emails, {Counterparts} counterparts",
                id, registrations.Count, messages.Count, counterparts.Count);
            purged++;
        }

        return purged;
    }
}
