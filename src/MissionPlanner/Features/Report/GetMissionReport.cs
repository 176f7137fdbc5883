using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Report;

/// <summary>The mission report as of now (the page and the API); the PDF is printed by the document job (kind MissionReport).</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetMissionReportQuery(Guid MissionId) : IRequest<MissionReport>, IMissionRequest;

public sealed class GetMissionReportHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetMissionReportQuery, MissionReport>
{
    public Task<MissionReport> Handle(GetMissionReportQuery request, CancellationToken cancellationToken) =>
        MissionReports.BuildAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
