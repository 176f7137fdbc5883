using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>Emails every signatory and dignitary not yet asked (or still pending) a personal link to confirm attendance.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AskCeremonyConfirmationsCommand(Guid MissionId, Guid CeremonyId) : IRequest<int>, IMissionRequest;

public sealed class AskCeremonyConfirmationsHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock)
    : IRequestHandler<AskCeremonyConfirmationsCommand, int>
{
    public async Task<int> Handle(AskCeremonyConfirmationsCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var people = (await db.CeremonyPeople.Where(p => p.CeremonyId == ceremony.Id && p.Email != null
                && (p.Confirmation == ConfirmationStatus.NotAsked || p.Confirmation == ConfirmationStatus.Pending)).ToListAsync(cancellationToken))
            .Where(p => p.NeedsConfirmation).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        foreach (var person in people)
        {
            await CeremonyEmails.AskAsync(db, outbox, links, personalLinks, ceremony, person, now, reminder: false, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return people.Count;
    }
}
