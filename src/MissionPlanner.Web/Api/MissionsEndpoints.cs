using MediatR;
using MissionPlanner.Features.Missions;

namespace MissionPlanner.Web.Api;

public static class MissionsEndpoints
{
    public static RouteGroupBuilder MapMissions(this RouteGroupBuilder api)
    {
        var missions = api.MapGroup("/missions").WithTags("Missions");
        missions.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListMissionsQuery(), ct));
        missions.MapPost("/", async (CreateMissionCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command, ct);
            return Results.Created($"/api/v1/missions/{id}", await m.Send(new GetMissionQuery(id), ct));
        });
        missions.MapGet("/{missionId:guid}", (Guid missionId, IMediator m, CancellationToken ct) =>
            m.Send(new GetMissionQuery(missionId), ct));
        missions.MapGet("/{missionId:guid}/at-a-glance", (Guid missionId, IMediator m, CancellationToken ct) =>
            m.Send(new GetMissionAtAGlanceQuery(missionId), ct));
        missions.MapPut("/{missionId:guid}", async (Guid missionId, UpdateMissionCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId }, ct);
            return await m.Send(new GetMissionQuery(missionId), ct);
        });
        missions.MapPost("/{missionId:guid}/status", async (Guid missionId, ChangeMissionStatusCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId }, ct);
            return await m.Send(new GetMissionQuery(missionId), ct);
        });
        missions.MapDelete("/{missionId:guid}", async (Guid missionId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteMissionCommand(missionId), ct);
            return Results.NoContent();
        });
        return api;
    }
}
