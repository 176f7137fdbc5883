using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Venues;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListVenuesQuery(Guid MissionId) : IRequest<IReadOnlyList<VenueDto>>, IMissionRequest;

public sealed class ListVenuesHandler(AppDbContext db) : IRequestHandler<ListVenuesQuery, IReadOnlyList<VenueDto>>
{
    public async Task<IReadOnlyList<VenueDto>> Handle(ListVenuesQuery request, CancellationToken cancellationToken) =>
        await db.Venues.AsNoTracking()
            .Where(v => v.MissionId == request.MissionId)
            .OrderBy(v => v.City).ThenBy(v => v.Name)
            .Select(v => new VenueDto(v.Id, v.Name, v.Address, v.City, v.Kind, v.Latitude, v.Longitude, v.Version) { OpensAt = v.OpensAt, ClosesAt = v.ClosesAt })
            .ToListAsync(cancellationToken);
}
