using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListHostsQuery(Guid MissionId) : IRequest<IReadOnlyList<HostSummary>>, IMissionRequest;

public sealed class ListHostsHandler(AppDbContext db) : IRequestHandler<ListHostsQuery, IReadOnlyList<HostSummary>>
{
    public async Task<IReadOnlyList<HostSummary>> Handle(ListHostsQuery request, CancellationToken cancellationToken)
    {
        var hosts = await db.VisitHosts.AsNoTracking().Where(h => h.MissionId == request.MissionId).OrderBy(h => h.Name).ToListAsync(cancellationToken);
        var visits = (await db.Visits.AsNoTracking().Where(v => v.MissionId == request.MissionId && !v.Cancelled)
            .Select(v => new { v.HostId, v.HostResponse }).ToListAsync(cancellationToken)).ToLookup(v => v.HostId, v => v.HostResponse);
        return hosts.Select(h => new HostSummary(h.Id, h.Name, h.ContactName, h.ContactEmail, h.ContactPhone, h.LinkSentAt, h.Reminders,
            visits[h.Id].Count(), visits[h.Id].Count(r => r == HostResponse.Pending), visits[h.Id].Count(r => r == HostResponse.Confirmed),
            visits[h.Id].Count(r => r == HostResponse.Declined), visits[h.Id].Count(r => r == HostResponse.ChangeProposed), h.Version)).ToList();
    }
}
