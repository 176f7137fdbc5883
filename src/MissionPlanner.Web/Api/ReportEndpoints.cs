using MediatR;
using MissionPlanner.Features.Report;

namespace MissionPlanner.Web.Api;

/// <summary>The mission report as data: GET /api/v1/missions/{missionId}/report (the PDF: POST …/documents with kind MissionReport).</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReport(this RouteGroupBuilder api)
    {
        api.MapGet("/missions/{missionId:guid}/report", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new GetMissionReportQuery(missionId), ct))
            .WithTags("Report");
        return api;
    }
}
