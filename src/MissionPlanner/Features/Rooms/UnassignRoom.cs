using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Rooms;

/// <summary>Takes a delegate out of their room (nothing happens when they have none).</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UnassignRoomCommand(Guid MissionId, Guid RegistrationId) : IRequest<Unit>, IMissionRequest;

public sealed class UnassignRoomHandler(AppDbContext db) : IRequestHandler<UnassignRoomCommand, Unit>
{
    public async Task<Unit> Handle(UnassignRoomCommand request, CancellationToken cancellationToken)
    {
        await db.RoomAssignments.Where(a => a.MissionId == request.MissionId && a.RegistrationId == request.RegistrationId).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
