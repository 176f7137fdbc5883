using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Visits;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListVisitsQuery(Guid MissionId) : IRequest<IReadOnlyList<VisitSummary>>, IMissionRequest;

public sealed class ListVisitsHandler(AppDbContext db) : IRequestHandler<ListVisitsQuery, IReadOnlyList<VisitSummary>>
{
    public async Task<IReadOnlyList<VisitSummary>> Handle(ListVisitsQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var rows = await db.Visits.AsNoTracking().Where(v => v.MissionId == mission.Id)
            .Select(v => new
            {
                Visit = v,
                Host = db.VisitHosts.Where(h => h.Id == v.HostId).Select(h => h.Name).First(),
                Venue = db.Venues.Where(x => x.Id == v.VenueId).Select(x => x.Name).First(),
                First = db.VisitPreferences.Count(p => p.VisitId == v.Id && p.Rank == 1),
                Ranked = db.VisitPreferences.Count(p => p.VisitId == v.Id),
                Assigned = db.VisitAssignments.Count(a => a.VisitId == v.Id),
            }).ToListAsync(cancellationToken);
        var zone = mission.TimeZone;
        return rows.OrderBy(r => r.Visit.Cancelled).ThenBy(r => r.Visit.Title).Select(r => new VisitSummary(r.Visit.Id, r.Visit.Title, r.Visit.Kind,
            r.Visit.HostId, r.Host, r.Visit.VenueId, r.Venue, r.Visit.DurationMinutes, r.Visit.MinGroupSize, r.Visit.MaxGroupSize,
            r.Visit.ParallelGroups, r.Visit.Requirements, r.Visit.ScreeningLeadDays, r.Visit.Notes,
            r.Visit.WindowList.Select(w => new VisitWindowInput(MissionTime.ToLocal(w.Start, zone), MissionTime.ToLocal(w.End, zone))).ToList(),
            r.Visit.Groups().Count, r.Visit.Cancelled, r.Visit.HostResponse, r.Visit.HostMessage, r.First, r.Ranked, r.Assigned, r.Visit.Version)).ToList();
    }
}
