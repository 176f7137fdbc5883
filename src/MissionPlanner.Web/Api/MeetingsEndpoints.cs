using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Api;

/// <summary>B2B meetings: counterparts (the host side's people to meet) and the directory.</summary>
public static class MeetingsEndpoints
{
    public sealed record InviteRequest(IReadOnlyList<Guid>? CounterpartIds, string? Message);

    public static RouteGroupBuilder MapMeetings(this RouteGroupBuilder api)
    {
        var counterparts = api.MapGroup("/missions/{missionId:guid}/counterparts").WithTags("B2B meetings");
        counterparts.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListCounterpartsQuery(missionId), ct));
        counterparts.MapGet("/{counterpartId:guid}", (Guid missionId, Guid counterpartId, IMediator m, CancellationToken ct) =>
            m.Send(new GetCounterpartQuery(missionId, counterpartId), ct));
        counterparts.MapPost("/", async (Guid missionId, AddCounterpartCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/counterparts/{id}", await m.Send(new GetCounterpartQuery(missionId, id), ct));
        });
        counterparts.MapPut("/{counterpartId:guid}", async (Guid missionId, Guid counterpartId, UpdateCounterpartCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, CounterpartId = counterpartId }, ct);
            return await m.Send(new GetCounterpartQuery(missionId, counterpartId), ct);
        });
        counterparts.MapDelete("/{counterpartId:guid}", async (Guid missionId, Guid counterpartId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveCounterpartCommand(missionId, counterpartId), ct);
            return Results.NoContent();
        });
        counterparts.MapPost("/import", async (Guid missionId, ImportCounterpartsCommand command, IMediator m, CancellationToken ct) =>
            ImportResults.ToHttp(await m.Send(command with { MissionId = missionId }, ct), command.Preview));
        // Emails the given counterparts (or everyone not yet invited) their personal link.
        counterparts.MapPost("/invitations", async (Guid missionId, InviteRequest? body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { invited = await m.Send(new InviteCounterpartsCommand(body?.CounterpartIds, body?.Message) { MissionId = missionId }, ct) }));

        api.MapGet("/missions/{missionId:guid}/meeting-requests", (Guid missionId, IMediator m, CancellationToken ct) =>
            m.Send(new ListMeetingRequestsQuery(missionId), ct)).WithTags("B2B meetings");
        api.MapGet("/missions/{missionId:guid}/directory", (Guid missionId, [FromQuery] Sector? sector, [FromQuery] string? topic, [FromQuery] string? country,
                [FromQuery] string? organisation, [FromQuery] string? search, IMediator m, CancellationToken ct) =>
            m.Send(new GetDirectoryQuery(missionId, new DirectoryFilter(sector, topic, country, organisation, search)), ct))
            .WithTags("B2B meetings");
        return api;
    }
}
