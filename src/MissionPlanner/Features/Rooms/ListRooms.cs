using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Rooms;

/// <summary>
/// The mission's room blocks with their rooms and per-night use, every confirmed delegate who asked for accommodation
/// (with their nights from travel), and warnings: no room, sharing wishes not met, nights outside a block, a block over
/// or under used, a room held by someone no longer confirmed, a room that no longer matches the travel.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListRoomsQuery(Guid MissionId) : IRequest<RoomsView>, IMissionRequest;

public sealed class ListRoomsHandler(AppDbContext db) : IRequestHandler<ListRoomsQuery, RoomsView>
{
    public async Task<RoomsView> Handle(ListRoomsQuery request, CancellationToken cancellationToken) =>
        await Rooms.ViewAsync(db, await db.MissionAsync(request.MissionId, cancellationToken), cancellationToken);
}
