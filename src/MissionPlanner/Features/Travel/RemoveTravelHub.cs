using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Travel;

/// <summary>Removes an airport, station or port no leg uses; one in use is refused on "HubId", saying how many legs name it.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveTravelHubCommand(Guid MissionId, Guid HubId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveTravelHubHandler(AppDbContext db) : IRequestHandler<RemoveTravelHubCommand, Unit>
{
    public async Task<Unit> Handle(RemoveTravelHubCommand request, CancellationToken cancellationToken)
    {
        var hub = await db.TravelHubs.FirstOrDefaultAsync(h => h.Id == request.HubId && h.MissionId == request.MissionId, cancellationToken)
                  ?? throw new NotFoundException("Travel hub");
        var legs = await db.TravelLegs.CountAsync(l => l.HubId == hub.Id, cancellationToken);
        if (legs > 0)
        {
            throw new DomainException("HubId", $"{legs} arrival(s) or departure(s) use {hub.Label}: change them first.");
        }

        db.TravelHubs.Remove(hub);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
