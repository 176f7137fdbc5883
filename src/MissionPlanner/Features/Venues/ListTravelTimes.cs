using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Venues;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListTravelTimesQuery(Guid MissionId) : IRequest<IReadOnlyList<TravelTimeDto>>, IMissionRequest;

public sealed class ListTravelTimesHandler(AppDbContext db) : IRequestHandler<ListTravelTimesQuery, IReadOnlyList<TravelTimeDto>>
{
    public async Task<IReadOnlyList<TravelTimeDto>> Handle(ListTravelTimesQuery request, CancellationToken cancellationToken)
    {
        var names = await db.Venues.AsNoTracking().Where(v => v.MissionId == request.MissionId).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        return (await db.VenueTravelTimes.AsNoTracking().Where(t => t.MissionId == request.MissionId).ToListAsync(cancellationToken))
            .Select(t => new TravelTimeDto(t.FromVenueId, names[t.FromVenueId], t.ToVenueId, names[t.ToVenueId], t.Minutes))
            .OrderBy(t => t.From).ThenBy(t => t.To).ToList();
    }
}
