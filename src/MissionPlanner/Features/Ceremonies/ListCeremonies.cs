using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListCeremoniesQuery(Guid MissionId) : IRequest<IReadOnlyList<CeremonySummary>>, IMissionRequest;

public sealed class ListCeremoniesHandler(AppDbContext db) : IRequestHandler<ListCeremoniesQuery, IReadOnlyList<CeremonySummary>>
{
    public async Task<IReadOnlyList<CeremonySummary>> Handle(ListCeremoniesQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var rows = await (from c in db.Ceremonies.AsNoTracking()
                          join p in db.ProgrammeItems.AsNoTracking() on c.ProgrammeItemId equals p.Id
                          where c.MissionId == request.MissionId
                          orderby p.StartsAt
                          select new { c.Id, c.ProgrammeItemId, p.Title, p.StartsAt }).ToListAsync(cancellationToken);
        return rows.Select(r => new CeremonySummary(r.Id, r.ProgrammeItemId, r.Title, MissionTime.ToLocal(r.StartsAt, mission.TimeZone))).ToList();
    }
}
