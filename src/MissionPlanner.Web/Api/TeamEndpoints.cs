using MediatR;
using MissionPlanner.Features.Team;

namespace MissionPlanner.Web.Api;

public static class TeamEndpoints
{
    public static RouteGroupBuilder MapTeam(this RouteGroupBuilder api)
    {
        var team = api.MapGroup("/missions/{missionId:guid}/team").WithTags("Team");
        team.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListTeamQuery(missionId), ct));
        team.MapPut("/", (Guid missionId, SetTeamRoleCommand command, IMediator m, CancellationToken ct) =>
            m.Send(command with { MissionId = missionId }, ct));
        team.MapDelete("/{organiserId:guid}", async (Guid missionId, Guid organiserId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveTeamMemberCommand(missionId, organiserId), ct);
            return Results.NoContent();
        });
        return api;
    }
}
