using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// Every confirmed delegate's arrival and departure, by name, with the programme items (visits and B2B meetings
/// included) that start before they arrive or end after they leave.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListTravelQuery(Guid MissionId) : IRequest<IReadOnlyList<DelegateTravel>>, IMissionRequest;

public sealed class ListTravelHandler(AppDbContext db) : IRequestHandler<ListTravelQuery, IReadOnlyList<DelegateTravel>>
{
    public async Task<IReadOnlyList<DelegateTravel>> Handle(ListTravelQuery request, CancellationToken cancellationToken) =>
        await TravelRules.DelegatesAsync(db, await db.MissionAsync(request.MissionId, cancellationToken), null, cancellationToken);
}
