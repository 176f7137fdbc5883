using MediatR;
using MissionPlanner.Features.Retention;

namespace MissionPlanner.Web.Api;

/// <summary>How long a mission keeps personal data: GET and PUT /api/v1/missions/{missionId}/retention.</summary>
public static class RetentionEndpoints
{
    public static RouteGroupBuilder MapRetention(this RouteGroupBuilder api)
    {
        var retention = api.MapGroup("/missions/{missionId:guid}/retention").WithTags("Retention");
        retention.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new GetRetentionQuery(missionId), ct));
        retention.MapPut("/", async (Guid missionId, SetRetentionCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId }, ct);
            return await m.Send(new GetRetentionQuery(missionId), ct);
        });
        return api;
    }
}
