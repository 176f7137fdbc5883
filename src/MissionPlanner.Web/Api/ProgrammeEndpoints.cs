using MediatR;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Programme;

namespace MissionPlanner.Web.Api;

public static class ProgrammeEndpoints
{
    public static RouteGroupBuilder MapProgramme(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/missions/{missionId:guid}/programme-items").WithTags("Programme");
        items.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListProgrammeItemsQuery(missionId), ct));
        items.MapPost("/", async (Guid missionId, CreateProgrammeItemCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/programme-items/{id}", await GetAsync(m, missionId, id, ct));
        });
        items.MapGet("/{itemId:guid}", (Guid missionId, Guid itemId, IMediator m, CancellationToken ct) =>
            GetAsync(m, missionId, itemId, ct));
        items.MapPut("/{itemId:guid}", async (Guid missionId, Guid itemId, UpdateProgrammeItemCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, ItemId = itemId }, ct);
            return await GetAsync(m, missionId, itemId, ct);
        });
        api.MapGet("/missions/{missionId:guid}/programme-warnings", (Guid missionId, IMediator m, CancellationToken ct) =>
            m.Send(new GetProgrammeWarningsQuery(missionId), ct)).WithTags("Programme");
        items.MapPost("/{itemId:guid}/cancel", async (Guid missionId, Guid itemId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CancelProgrammeItemCommand(missionId, itemId), ct);
            return await GetAsync(m, missionId, itemId, ct);
        });
        items.MapPut("/{itemId:guid}/audience", async (Guid missionId, Guid itemId, SetItemAudienceCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, ItemId = itemId }, ct);
            return await GetAsync(m, missionId, itemId, ct);
        });
        items.MapDelete("/{itemId:guid}", async (Guid missionId, Guid itemId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteProgrammeItemCommand(missionId, itemId), ct);
            return Results.NoContent();
        });
        return api;
    }

    private static async Task<ProgrammeItemDto> GetAsync(IMediator m, Guid missionId, Guid itemId, CancellationToken ct) =>
        (await m.Send(new ListProgrammeItemsQuery(missionId, itemId), ct)).SingleOrDefault()
        ?? throw new NotFoundException("Programme item");
}
