using MediatR;
using MissionPlanner.Features.Visits;

namespace MissionPlanner.Web.Api;

public static class VisitsEndpoints
{
    public sealed record RunRequest(Guid? VisitId);

    public sealed record LockRequest(bool Locked);

    /// <summary>When participants must have ranked their visits (mission time) and how many visits each gets.</summary>
    public sealed record VisitSettings(DateTime? PreferencesDeadline, int VisitsPerParticipant);

    public sealed record HostRequestsRequest(Guid? HostId);

    public static RouteGroupBuilder MapVisits(this RouteGroupBuilder api)
    {
        var hosts = api.MapGroup("/missions/{missionId:guid}/hosts").WithTags("Visits");
        hosts.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListHostsQuery(missionId), ct));
        hosts.MapPost("/", async (Guid missionId, CreateHostCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/hosts/{id}", (await m.Send(new ListHostsQuery(missionId), ct)).Single(h => h.Id == id));
        });
        hosts.MapPut("/{hostId:guid}", async (Guid missionId, Guid hostId, UpdateHostCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, HostId = hostId }, ct);
            return (await m.Send(new ListHostsQuery(missionId), ct)).Single(h => h.Id == hostId);
        });
        // Emails each host (or the one given) its personal link to confirm its visits.
        hosts.MapPost("/requests", async (Guid missionId, HostRequestsRequest? body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { sent = await m.Send(new SendHostRequestsCommand(missionId, body?.HostId), ct) }));

        var visits = api.MapGroup("/missions/{missionId:guid}/visits").WithTags("Visits");
        visits.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListVisitsQuery(missionId), ct));
        visits.MapPost("/", async (Guid missionId, CreateVisitCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/visits/{id}", (await m.Send(new ListVisitsQuery(missionId), ct)).Single(v => v.Id == id));
        });
        visits.MapPut("/{visitId:guid}", async (Guid missionId, Guid visitId, UpdateVisitCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, VisitId = visitId }, ct);
            return (await m.Send(new ListVisitsQuery(missionId), ct)).Single(v => v.Id == visitId);
        });
        visits.MapPost("/{visitId:guid}/cancel", async (Guid missionId, Guid visitId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CancelVisitCommand(missionId, visitId), ct);
            return Results.NoContent();
        });
        visits.MapGet("/settings", async (Guid missionId, IMediator m, CancellationToken ct) =>
        {
            var plan = await m.Send(new GetVisitPlanQuery(missionId), ct);
            return new VisitSettings(plan.PreferencesDeadlineLocal, plan.VisitsPerParticipant);
        });
        visits.MapPut("/settings", async (Guid missionId, SetVisitSettingsCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId }, ct);
            return Results.NoContent();
        });
        visits.MapGet("/plan", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new GetVisitPlanQuery(missionId), ct));
        visits.MapPost("/plan/run", async (Guid missionId, RunRequest? body, IMediator m, CancellationToken ct) =>
            await m.Send(new RunVisitSchedulingCommand(missionId, body?.VisitId), ct));
        // Moves someone by hand (pinned); with "dryRun": true only reports the warnings the move would cause.
        visits.MapPost("/plan/moves", async (Guid missionId, MoveVisitorCommand command, IMediator m, CancellationToken ct) =>
            Results.Ok(new { warnings = await m.Send(command with { MissionId = missionId }, ct) }));
        visits.MapGet("/plan/lock", async (Guid missionId, IMediator m, CancellationToken ct) =>
            new LockRequest((await m.Send(new GetVisitPlanQuery(missionId), ct)).Locked));
        visits.MapPut("/plan/lock", async (Guid missionId, LockRequest body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new LockVisitPlanCommand(missionId, body.Locked), ct);
            return Results.NoContent();
        });
        visits.MapPost("/plan/publish", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new PublishVisitPlanCommand(missionId), ct));
        return api;
    }
}
