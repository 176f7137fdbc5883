using MediatR;
using MissionPlanner.Features.Venues;

namespace MissionPlanner.Web.Api;

public static class VenuesEndpoints
{
    public static RouteGroupBuilder MapVenues(this RouteGroupBuilder api)
    {
        var venues = api.MapGroup("/missions/{missionId:guid}/venues").WithTags("Venues");
        venues.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListVenuesQuery(missionId), ct));
        venues.MapGet("/travel-times", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListTravelTimesQuery(missionId), ct));
        venues.MapPut("/travel-times", async (Guid missionId, SetTravelTimeCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId }, ct);
            return Results.NoContent();
        });
        venues.MapPost("/", async (Guid missionId, CreateVenueCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/venues/{id}", await m.Send(new GetVenueQuery(missionId, id), ct));
        });
        venues.MapGet("/{venueId:guid}", (Guid missionId, Guid venueId, IMediator m, CancellationToken ct) =>
            m.Send(new GetVenueQuery(missionId, venueId), ct));
        venues.MapPut("/{venueId:guid}", async (Guid missionId, Guid venueId, UpdateVenueCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, VenueId = venueId }, ct);
            return await m.Send(new GetVenueQuery(missionId, venueId), ct);
        });
        venues.MapDelete("/{venueId:guid}", async (Guid missionId, Guid venueId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteVenueCommand(missionId, venueId), ct);
            return Results.NoContent();
        });
        return api;
    }
}
