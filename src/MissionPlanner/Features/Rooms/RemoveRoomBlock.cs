using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Rooms;

/// <summary>Removes a room block and the room assignments in it (those guests then show as needing a room).</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveRoomBlockCommand(Guid MissionId, Guid BlockId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveRoomBlockHandler(AppDbContext db) : IRequestHandler<RemoveRoomBlockCommand, Unit>
{
    public async Task<Unit> Handle(RemoveRoomBlockCommand request, CancellationToken cancellationToken)
    {
        var block = await Rooms.BlockAsync(db, request.MissionId, request.BlockId, cancellationToken);
        db.RoomBlocks.Remove(block);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
