using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Venues;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetVenueQuery(Guid MissionId, Guid VenueId) : IRequest<VenueDto>, IMissionRequest;

public sealed class GetVenueHandler(AppDbContext db) : IRequestHandler<GetVenueQuery, VenueDto>
{
    public async Task<VenueDto> Handle(GetVenueQuery request, CancellationToken cancellationToken) =>
        await db.Venues.AsNoTracking()
            .Where(v => v.MissionId == request.MissionId && v.Id == request.VenueId)
            .Select(v => new VenueDto(v.Id, v.Name, v.Address, v.City, v.Kind, v.Latitude, v.Longitude, v.Version) { OpensAt = v.OpensAt, ClosesAt = v.ClosesAt })
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Venue");
}
