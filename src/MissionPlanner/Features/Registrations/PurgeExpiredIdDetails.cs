using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// The retention rule for ID details: they are deleted a configured number of days after the
/// mission's last day (Privacy:IdDetailsRetentionDays), each deletion in the person's history.
/// Runs as a job every hour; a mission's whole delegation is purged in one statement batch.
/// </summary>
public sealed record PurgeExpiredIdDetailsCommand : IRequest<int>;

public sealed class PurgeExpiredIdDetailsHandler(AppDbContext db, DataDirectory data, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<PurgeExpiredIdDetailsHandler> logger)
    : IRequestHandler<PurgeExpiredIdDetailsCommand, int>
{
    public async Task<int> Handle(PurgeExpiredIdDetailsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Missions.AsNoTracking()
            .Where(m => db.Registrations.Any(r => r.MissionId == m.Id && r.IdDetails != null))
            .ToListAsync(cancellationToken);
        var total = 0;
        foreach (var mission in candidates.Where(m => m.UtcWindow().To.AddDays(options.Value.IdDetailsRetentionDays) <= now))
        {
            await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
            var holders = await db.Registrations.Where(r => r.MissionId == mission.Id && r.IdDetails != null).ToListAsync(cancellationToken);
            foreach (var registration in holders)
            {
                registration.PurgeIdDetails(now);
                db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, "id-details-purged", "system",
                    $"{options.Value.IdDetailsRetentionDays} days after the mission", now));
            }

            // Letters print the passport number: the PDFs and the copies attached to their emails go with the details.
            foreach (var letter in await db.VisaLetters.Where(l => l.MissionId == mission.Id && l.File != null).ToListAsync(cancellationToken))
            {
                letter.ForgetFile();
            }

            var letterEmails = await db.OutboxMessages.Where(m => m.MissionId == mission.Id && m.Template == "visa-letter").ToListAsync(cancellationToken);
            foreach (var message in letterEmails)
            {
                message.DropAttachment();
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Letters.LetterFiles.DeleteMission(data, mission.Id);
            Messaging.PickupCopies.Delete(data, letterEmails.Select(m => m.Id).ToHashSet());
            logger.LogInformation("Purged ID details of {Count} people of mission {MissionId}", holders.Count, mission.Id);
            total += holders.Count;
        }

        return total;
    }
}
