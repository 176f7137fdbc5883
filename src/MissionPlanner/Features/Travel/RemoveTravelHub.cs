using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Travel;

/// <summary>Removes an airport, station or port no leg or transfer service uses; one in use is refused on "HubId", saying what uses it.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveTravelHubCommand(Guid MissionId, Guid HubId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveTravelHubHandler(AppDbContext db) : IRequestHandler<RemoveTravelHubCommand, Unit>
{
    public async Task<Unit> Handle(RemoveTravelHubCommand request, CancellationToken cancellationToken)
    {
        var hub = await db.TravelHubs.FirstOrDefaultAsync(h => h.Id == request.HubId && h.MissionId == request.MissionId, cancellationToken)
                  ?? throw new NotFoundException("Travel hub");
        // Journeys of people still in the delegation count (confirmed, waitlisted, awaiting approval); those of people who cancelled, were
        // declined or erased go with the place.
        var legs = await db.TravelLegs.CountAsync(l => l.HubId == hub.Id
            && db.Registrations.Any(r => r.Id == l.RegistrationId && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined && r.ErasedAt == null), cancellationToken);
        if (legs > 0)
        {
            throw new DomainException("HubId", $"{legs} arrival(s) or departure(s) use {hub.Label}: change them first.");
        }

        if (await db.TransferServices.Where(t => t.HubId == hub.Id).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) is { } service)
        {
            throw new DomainException("HubId", $"The transfer service '{service}' runs from or to {hub.Label}: remove it first.");
        }

        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        await db.TravelLegs.Where(l => l.HubId == hub.Id && db.Registrations.Any(r => r.Id == l.RegistrationId
            && (r.Status == RegistrationStatus.Cancelled || r.Status == RegistrationStatus.Declined || r.ErasedAt != null))).ExecuteDeleteAsync(cancellationToken);
        db.TravelHubs.Remove(hub);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
