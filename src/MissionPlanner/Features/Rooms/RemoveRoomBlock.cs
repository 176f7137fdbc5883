using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Rooms;

/// <summary>
/// Removes a room block. A block with guests is refused on "WithGuests" unless <paramref name="WithGuests"/> says to take
/// them out of their rooms too (they then show as needing a room), so nobody loses a room by a slip.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveRoomBlockCommand(Guid MissionId, Guid BlockId, bool WithGuests = false) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveRoomBlockHandler(AppDbContext db) : IRequestHandler<RemoveRoomBlockCommand, Unit>
{
    public async Task<Unit> Handle(RemoveRoomBlockCommand request, CancellationToken cancellationToken)
    {
        var block = await Rooms.BlockAsync(db, request.MissionId, request.BlockId, cancellationToken);
        var guests = await db.RoomAssignments.CountAsync(a => a.BlockId == block.Id, cancellationToken);
        if (guests > 0 && !request.WithGuests)
        {
            throw new DomainException("WithGuests", $"{guests} guest(s) have a room in {block.Name}: move them first, or remove the block with its guests.");
        }

        db.RoomBlocks.Remove(block);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
