using MediatR;
using MissionPlanner.Features.FollowUp;

namespace MissionPlanner.Web.Api;

/// <summary>Follow-up actions and agreement milestones: /api/v1/missions/{missionId}/actions.</summary>
public static class FollowUpEndpoints
{
    public static RouteGroupBuilder MapFollowUp(this RouteGroupBuilder api)
    {
        var all = api.MapGroup("/missions/{missionId:guid}/actions").WithTags("Follow-up");
        // Overdue first, then open by due day, then closed; each with what it follows up.
        all.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListFollowUpActionsQuery(missionId), ct));
        all.MapPost("/", async (Guid missionId, AddFollowUpActionCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/actions/{id}", await OneAsync(m, missionId, id, ct));
        });
        all.MapGet("/{actionId:guid}", (Guid missionId, Guid actionId, IMediator m, CancellationToken ct) => OneAsync(m, missionId, actionId, ct));
        all.MapPut("/{actionId:guid}", async (Guid missionId, Guid actionId, UpdateFollowUpActionCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, ActionId = actionId }, ct);
            return await OneAsync(m, missionId, actionId, ct);
        });
        return api;
    }

    private static async Task<FollowUpActionView> OneAsync(IMediator m, Guid missionId, Guid actionId, CancellationToken ct) =>
        (await m.Send(new ListFollowUpActionsQuery(missionId), ct)).FirstOrDefault(a => a.Id == actionId)
        ?? throw new MissionPlanner.Domain.Common.NotFoundException("Action");
}
