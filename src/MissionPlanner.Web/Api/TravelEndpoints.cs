using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Travel;

namespace MissionPlanner.Web.Api;

/// <summary>
/// Arrivals and departures: /api/v1/missions/{missionId}/travel. The airports, stations and ports (hubs, each with its
/// time zone), each confirmed delegate's arrival and departure with conflicts, and the manifest per day and hub.
/// </summary>
public static class TravelEndpoints
{
    public static RouteGroupBuilder MapTravel(this RouteGroupBuilder api)
    {
        var travel = api.MapGroup("/missions/{missionId:guid}/travel").WithTags("Travel");
        travel.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListTravelQuery(missionId), ct));
        travel.MapGet("/hubs", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListTravelHubsQuery(missionId), ct));
        travel.MapPost("/hubs", async (Guid missionId, AddTravelHubCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/travel/hubs", (await m.Send(new ListTravelHubsQuery(missionId), ct)).Single(h => h.Id == id));
        }).Produces<TravelHubView>(StatusCodes.Status201Created);
        travel.MapDelete("/hubs/{hubId:guid}", async (Guid missionId, Guid hubId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveTravelHubCommand(missionId, hubId), ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
        // direction: Arrival or Departure. scheduledLocal is the local time at the hub, without offset ("2027-01-18T14:35").
        travel.MapPut("/{registrationId:guid}/{direction}", async (Guid missionId, Guid registrationId, LegDirection direction, SetTravelLegCommand command,
            IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, RegistrationId = registrationId, Direction = direction }, ct);
            return (await m.Send(new ListTravelQuery(missionId), ct)).Single(t => t.RegistrationId == registrationId);
        });
        travel.MapDelete("/{registrationId:guid}/{direction}", async (Guid missionId, Guid registrationId, LegDirection direction, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveTravelLegCommand(missionId, registrationId, direction), ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
        // A travel agency's spreadsheet ({"csv": "…"} or a file): one row per arrival or departure; see ImportTravelLegsCommand.
        travel.MapPost("/import", async (Guid missionId, ImportTravelLegsCommand command, IMediator m, CancellationToken ct) =>
            ImportResults.ToHttp(await m.Send(command with { MissionId = missionId }, ct), command.Preview));
        // Transfer services: proposed runs (fewest vehicles, capacity, longest wait), moves, publishing into itineraries.
        travel.MapGet("/transfers", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListTransfersQuery(missionId), ct));
        travel.MapPost("/transfers", async (Guid missionId, AddTransferServiceCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/travel/transfers", (await m.Send(new ListTransfersQuery(missionId), ct)).Single(s => s.Id == id));
        }).Produces<TransferServiceView>(StatusCodes.Status201Created);
        travel.MapPut("/transfers/{serviceId:guid}", async (Guid missionId, Guid serviceId, UpdateTransferServiceCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, ServiceId = serviceId }, ct);
            return (await m.Send(new ListTransfersQuery(missionId), ct)).Single(s => s.Id == serviceId);
        });
        travel.MapDelete("/transfers/{serviceId:guid}", async (Guid missionId, Guid serviceId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveTransferServiceCommand(missionId, serviceId), ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
        travel.MapPost("/transfers/{serviceId:guid}/proposal", async (Guid missionId, Guid serviceId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ProposeTransfersCommand(missionId, serviceId), ct);
            return (await m.Send(new ListTransfersQuery(missionId), ct)).Single(s => s.Id == serviceId);
        });
        travel.MapPost("/transfers/{serviceId:guid}/moves", async (Guid missionId, Guid serviceId, MoveTransferPassengerCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, ServiceId = serviceId }, ct);
            return (await m.Send(new ListTransfersQuery(missionId), ct)).Single(s => s.Id == serviceId);
        });
        travel.MapPost("/transfers/{serviceId:guid}/publish", async (Guid missionId, Guid serviceId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new PublishTransfersCommand(missionId, serviceId), ct);
            return (await m.Send(new ListTransfersQuery(missionId), ct)).Single(s => s.Id == serviceId);
        });
        travel.MapGet("/manifest", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new GetManifestQuery(missionId), ct));
        travel.MapGet("/manifest.csv", async (Guid missionId, IMediator m, CancellationToken ct) =>
                (await m.Send(new ExportManifestQuery(missionId, ExportFormat.Csv), ct)).ToResult())
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        travel.MapGet("/manifest.xlsx", async (Guid missionId, IMediator m, CancellationToken ct) =>
                (await m.Send(new ExportManifestQuery(missionId, ExportFormat.Xlsx), ct)).ToResult())
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return api;
    }
}
