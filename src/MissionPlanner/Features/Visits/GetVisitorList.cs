using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Visits;

/// <summary>The visitor list of one of the host's visits, for its security desk (CSV and PDF).</summary>
public sealed record GetVisitorListQuery(string Token, Guid VisitId) : IRequest<VisitorList>;

public sealed class GetVisitorListHandler(AppDbContext db, PersonalLinks personalLinks, PersonalDataProtector protector) : IRequestHandler<GetVisitorListQuery, VisitorList>
{
    public async Task<VisitorList> Handle(GetVisitorListQuery request, CancellationToken cancellationToken)
    {
        var (host, mission) = await HostTokens.FindAsync(db, personalLinks, request.Token, cancellationToken);
        var visit = (await HostTokens.VisitsAsync(db, host, request.VisitId, cancellationToken)).SingleOrDefault() ?? throw new NotFoundException("Visit");
        var venue = await db.Venues.AsNoTracking().Where(v => v.Id == visit.VenueId).Select(v => v.Name).FirstAsync(cancellationToken);
        return new VisitorList(mission.Title, host.Name, visit.Title, venue, visit.ScreensVisitors,
            await GetHostPageHandler.VisitorsAsync(db, protector, mission, visit, cancellationToken));
    }
}
