using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Team;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListTeamQuery(Guid MissionId) : IRequest<IReadOnlyList<TeamMember>>, IMissionRequest;

public sealed class ListTeamHandler(AppDbContext db) : IRequestHandler<ListTeamQuery, IReadOnlyList<TeamMember>>
{
    public async Task<IReadOnlyList<TeamMember>> Handle(ListTeamQuery request, CancellationToken cancellationToken) =>
        await (from r in db.MissionRoles.AsNoTracking()
               join o in db.Organisers on r.OrganiserId equals o.Id
               where r.MissionId == request.MissionId
               orderby o.Email
               select new TeamMember(o.Id, o.Email, o.DisplayName, r.Role))
            .ToListAsync(cancellationToken);
}
