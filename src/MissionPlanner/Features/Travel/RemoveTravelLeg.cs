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
        await db.TravelLegs.Where(l => l.MissionId == request.MissionId && l.RegistrationId == request.RegistrationId && l.Direction == request.Direction)
            .ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
