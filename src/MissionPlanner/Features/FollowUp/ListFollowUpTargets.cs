using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.FollowUp;

/// <summary>What an action can follow up, for the Follow-up page's choices: the agreements of the mission's ceremonies and its visits.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListFollowUpTargetsQuery(Guid MissionId) : IRequest<FollowUpTargets>, IMissionRequest;

public sealed record FollowUpTargets(IReadOnlyList<FollowUpTarget> Agreements, IReadOnlyList<FollowUpTarget> Visits);

/// <param name="Status">An agreement's status (Draft, Final, Printed, Signed); null for a visit.</param>
public sealed record FollowUpTarget(Guid Id, string Title, string? Status);

public sealed class ListFollowUpTargetsHandler(AppDbContext db) : IRequestHandler<ListFollowUpTargetsQuery, FollowUpTargets>
{
    public async Task<FollowUpTargets> Handle(ListFollowUpTargetsQuery request, CancellationToken cancellationToken)
    {
        var agreements = await (from a in db.CeremonyAgreements.AsNoTracking()
                                join c in db.Ceremonies on a.CeremonyId equals c.Id
                                where c.MissionId == request.MissionId
                                orderby a.Title
                                select new { a.Id, a.Title, a.Status }).ToListAsync(cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => v.MissionId == request.MissionId).OrderBy(v => v.Title)
            .Select(v => new { v.Id, v.Title }).ToListAsync(cancellationToken);
        return new FollowUpTargets(agreements.Select(a => new FollowUpTarget(a.Id, a.Title, a.Status.ToString())).ToList(),
            visits.Select(v => new FollowUpTarget(v.Id, v.Title, null)).ToList());
    }
}
