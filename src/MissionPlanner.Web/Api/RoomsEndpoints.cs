using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Features.Rooms;

namespace MissionPlanner.Web.Api;

/// <summary>
/// Hotel rooms: /api/v1/missions/{missionId}/rooms. Room blocks at the mission's hotels (venues of kind hotel), room
/// assignments (nights from travel unless given), the proposal, and the rooming list (CSV or xlsx; the PDF is a
/// document run of kind RoomingList).
/// </summary>
public static class RoomsEndpoints
{
    public static RouteGroupBuilder MapRooms(this RouteGroupBuilder api)
    {
        var rooms = api.MapGroup("/missions/{missionId:guid}/rooms").WithTags("Rooms");
        rooms.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListRoomsQuery(missionId), ct));
        rooms.MapPost("/blocks", async (Guid missionId, AddRoomBlockCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/rooms/blocks/{id}", (await m.Send(new ListRoomsQuery(missionId), ct)).Blocks.Single(b => b.Id == id));
        }).Produces<RoomBlockView>(StatusCodes.Status201Created);
        rooms.MapGet("/blocks/{blockId:guid}", async (Guid missionId, Guid blockId, IMediator m, CancellationToken ct) =>
            (await m.Send(new ListRoomsQuery(missionId), ct)).Blocks.FirstOrDefault(b => b.Id == blockId) is { } block ? Results.Ok(block) : Results.NotFound())
            .Produces<RoomBlockView>();
        rooms.MapPut("/blocks/{blockId:guid}", async (Guid missionId, Guid blockId, UpdateRoomBlockCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, BlockId = blockId }, ct);
            return (await m.Send(new ListRoomsQuery(missionId), ct)).Blocks.Single(b => b.Id == blockId);
        });
        // ?withGuests=true also takes its guests out of their rooms; without it a block with guests is refused.
        rooms.MapDelete("/blocks/{blockId:guid}", async (Guid missionId, Guid blockId, bool? withGuests, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveRoomBlockCommand(missionId, blockId, withGuests == true), ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
        // Puts a delegate in a room: {"registrationId", "blockId", "room", "checkIn"?, "checkOut"?}; without dates they come from travel.
        rooms.MapPost("/assignments", async (Guid missionId, AssignRoomCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId }, ct);
            return await m.Send(new ListRoomsQuery(missionId), ct);
        });
        rooms.MapDelete("/assignments/{registrationId:guid}", async (Guid missionId, Guid registrationId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new UnassignRoomCommand(missionId, registrationId), ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
        rooms.MapPost("/proposal", async (Guid missionId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ProposeRoomsCommand(missionId), ct);
            return await m.Send(new ListRoomsQuery(missionId), ct);
        });
        rooms.MapGet("/rooming-list.csv", async (Guid missionId, Guid? hotelId, IMediator m, CancellationToken ct) =>
                (await m.Send(new ExportRoomingListQuery(missionId, ExportFormat.Csv, hotelId), ct)).ToResult())
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        rooms.MapGet("/rooming-list.xlsx", async (Guid missionId, Guid? hotelId, IMediator m, CancellationToken ct) =>
                (await m.Send(new ExportRoomingListQuery(missionId, ExportFormat.Xlsx, hotelId), ct)).ToResult())
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return api;
    }
}
