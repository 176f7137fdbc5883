using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Missions;

public sealed record ListMissionsQuery : IRequest<IReadOnlyList<MissionSummary>>, IOrganiserRequest;

public sealed record MissionSummary(
    Guid Id, string Title, string HostCity, string HostCountry, DateOnly StartDate, DateOnly EndDate,
    MissionStatus Status, MissionRoleKind Role);

public sealed class ListMissionsHandler(AppDbContext db, CurrentUser user)
    : IRequestHandler<ListMissionsQuery, IReadOnlyList<MissionSummary>>
{
    public async Task<IReadOnlyList<MissionSummary>> Handle(ListMissionsQuery request, CancellationToken cancellationToken)
    {
        var organiserId = user.RequireOrganiser();
        return await db.MissionRoles.AsNoTracking()
            .Where(r => r.OrganiserId == organiserId)
            .Join(db.Missions, r => r.MissionId, m => m.Id, (r, m) => new { r.Role, m })
            .OrderByDescending(x => x.m.StartDate).ThenBy(x => x.m.Title)
            .Select(x => new MissionSummary(x.m.Id, x.m.Title, x.m.HostCity, x.m.HostCountry, x.m.StartDate,
                x.m.EndDate, x.m.Status, x.Role))
            .ToListAsync(cancellationToken);
    }
}
