using MediatR;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Api;

public static class DelegationEndpoints
{
    /// <summary>Places in the delegation; empty for no limit (beyond it people are waitlisted).</summary>
    public sealed record CapacitySetting(int? Capacity);

    public static RouteGroupBuilder MapDelegation(this RouteGroupBuilder api)
    {
        var delegation = api.MapGroup("/missions/{missionId:guid}/delegation").WithTags("Delegation");
        delegation.MapGet("/", (Guid missionId, RegistrationStatus? status, Sector? sector, string? organisation, IMediator m, CancellationToken ct) =>
            m.Send(new GetDelegationQuery(missionId, status, sector, organisation), ct));
        delegation.MapGet("/export.csv", async (Guid missionId, IMediator m, CancellationToken ct) =>
            Results.File(await m.Send(new ExportDelegationQuery(missionId), ct), "text/csv; charset=utf-8", "delegation.csv"));
        delegation.MapGet("/capacity", async (Guid missionId, IMediator m, CancellationToken ct) =>
            new CapacitySetting((await m.Send(new Features.Missions.GetMissionQuery(missionId), ct)).Capacity));
        delegation.MapPut("/capacity", async (Guid missionId, SetCapacityCommand command, IMediator m, CancellationToken ct) =>
            Results.Ok(new { promoted = await m.Send(command with { MissionId = missionId }, ct) }));
        delegation.MapPost("/{registrationId:guid}/cancel", async (Guid missionId, Guid registrationId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CancelRegistrationCommand(missionId, registrationId), ct);
            return Results.NoContent();
        });
        delegation.MapPost("/import", async (Guid missionId, ImportDelegatesCommand command, IMediator m, CancellationToken ct) =>
            ImportResults.ToHttp(await m.Send(command with { MissionId = missionId }, ct), command.Preview));
        delegation.MapGet("/{registrationId:guid}/history", (Guid missionId, Guid registrationId, IMediator m, CancellationToken ct) =>
            m.Send(new GetRegistrationHistoryQuery(missionId, registrationId), ct));
        delegation.MapGet("/{registrationId:guid}/personal-data", async (Guid missionId, Guid registrationId, IMediator m, CancellationToken ct) =>
            Results.Text(await m.Send(new ExportPersonForOrganiserQuery(missionId, registrationId), ct), "application/json"));
        delegation.MapPost("/{registrationId:guid}/erase", async (Guid missionId, Guid registrationId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ErasePersonCommand(missionId, registrationId), ct);
            return Results.NoContent();
        });
        return api;
    }
}
