using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>Removes a delegate's arrival or departure; removing one there is not changes nothing.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveTravelLegCommand(Guid MissionId, Guid RegistrationId, LegDirection Direction) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveTravelLegHandler(AppDbContext db) : IRequestHandler<RemoveTravelLegCommand, Unit>
{
    public async Task<Unit> Handle(RemoveTravelLegCommand request, CancellationToken cancellationToken)
    {
        if (await db.TravelLegs.FirstOrDefaultAsync(l => l.MissionId == request.MissionId && l.RegistrationId == request.RegistrationId && l.Direction == request.Direction,
                cancellationToken) is { } leg)
        {
            await Transfers.LeaveAsync(db, leg.RegistrationId, leg.HubId, leg.Direction, cancellationToken);
            db.TravelLegs.Remove(leg);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }
}
