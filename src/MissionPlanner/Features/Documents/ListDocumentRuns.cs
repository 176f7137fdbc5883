using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Documents;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListDocumentRunsQuery(Guid MissionId, Guid? RunId = null) : IRequest<IReadOnlyList<DocumentRunView>>, IMissionRequest;

public sealed class ListDocumentRunsHandler(AppDbContext db, DataDirectory data) : IRequestHandler<ListDocumentRunsQuery, IReadOnlyList<DocumentRunView>>
{
    public async Task<IReadOnlyList<DocumentRunView>> Handle(ListDocumentRunsQuery request, CancellationToken cancellationToken)
    {
        var runs = await db.DocumentRuns.AsNoTracking()
            .Where(r => r.MissionId == request.MissionId && (request.RunId == null || r.Id == request.RunId))
            .OrderByDescending(r => r.CreatedAt).Take(30).ToListAsync(cancellationToken);
        return runs.Select(r => new DocumentRunView(r.Id, r.Kind, r.Version, r.Reason, r.Status, r.Total, r.Done, r.Error, r.CreatedAt, r.FinishedAt,
            r.Status == DocumentRunStatus.Done ? DocumentGeneration.Downloads(r, data) : [])).ToList();
    }
}
