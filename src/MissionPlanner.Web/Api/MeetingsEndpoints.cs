using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Api;

/// <summary>B2B meetings: counterparts (the host side's people to meet) and the directory.</summary>
public static class MeetingsEndpoints
{
    public sealed record InviteRequest(IReadOnlyList<Guid>? CounterpartIds, string? Message);

    public sealed record SessionRequest(int SlotMinutes, int BreakMinutes, int Tables);

    public sealed record ArrangeRequest(Guid CounterpartId, IReadOnlyList<Guid> DelegateIds, MeetingPlacement Where, bool MustMeet = true);

    public sealed record LimitsRequest(int? Cap, int Priority = 0);

    public sealed record NoShowRequest(Domain.Meetings.MeetingParty? Absent);

    public sealed record ModesRequest(bool Requests, bool PreferenceRound, DateTime? PreferencesDeadlineLocal);

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

        var plan = api.MapGroup("/missions/{missionId:guid}/meeting-plan").WithTags("B2B meetings");
        plan.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new GetMeetingPlanQuery(missionId), ct));
        // Slot length and break (minutes) and tables of a programme item of kind B2BMeetings.
        plan.MapPut("/sessions/{itemId:guid}", (Guid missionId, Guid itemId, SessionRequest body, IMediator m, CancellationToken ct) =>
            m.Send(new ConfigureMeetingSessionCommand(missionId, itemId, body.SlotMinutes, body.BreakMinutes, body.Tables), ct));
        // Requests (a) and/or the preference round (b) with its deadline in mission time; GET meeting-plan shows them.
        plan.MapPut("/modes", async (Guid missionId, ModesRequest body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new SetMeetingModesCommand(missionId, body.Requests, body.PreferenceRound, body.PreferencesDeadlineLocal), ct);
            return Results.NoContent();
        });
        plan.MapPost("/run", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new RunMeetingSchedulingCommand(missionId), ct));
        plan.MapPost("/meetings", async (Guid missionId, ArrangeRequest body, IMediator m, CancellationToken ct) =>
        {
            var meeting = await m.Send(new ArrangeMeetingCommand(missionId, body.CounterpartId, body.DelegateIds, body.Where, body.MustMeet), ct);
            return Results.Created($"/api/v1/missions/{missionId}/meeting-plan", meeting);
        });
        // Moves a meeting and pins it there; ?dryRun=true only reports the warnings the move would cause.
        plan.MapPut("/meetings/{meetingId:guid}", async (Guid missionId, Guid meetingId, MeetingPlacement body, [FromQuery] bool? dryRun, IMediator m,
                CancellationToken ct) =>
            Results.Ok(new { warnings = await m.Send(new MoveMeetingCommand(meetingId, body) { MissionId = missionId, DryRun = dryRun == true }, ct) }));
        plan.MapDelete("/meetings/{meetingId:guid}", async (Guid missionId, Guid meetingId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveMeetingCommand(missionId, meetingId), ct);
            return Results.NoContent();
        });
        // The side that did not come (null: held); GET meeting-plan shows it.
        plan.MapPut("/meetings/{meetingId:guid}/no-show", async (Guid missionId, Guid meetingId, NoShowRequest body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new MarkMeetingNoShowCommand(missionId, meetingId, body.Absent), ct);
            return Results.NoContent();
        });
        // ?document=RoomPlan (default) or TableSigns.
        plan.MapGet("/sessions/{sessionId:guid}/pdf", async (Guid missionId, Guid sessionId, [FromQuery] MeetingSessionDocument? document, IMediator m,
                CancellationToken ct) =>
            Results.File(await m.Send(new GetMeetingSessionPdfQuery(missionId, sessionId, document ?? MeetingSessionDocument.RoomPlan), ct), "application/pdf"));
        plan.MapGet("/outcomes", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new GetMeetingOutcomesQuery(missionId), ct));
        plan.MapGet("/outcomes.csv", async (Guid missionId, IMediator m, CancellationToken ct) =>
            Results.File((await m.Send(new GetMeetingOutcomesQuery(missionId), ct)).Csv(), "text/csv; charset=utf-8", "meeting-outcomes.csv"));
        plan.MapPost("/lock", async (Guid missionId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new LockMeetingPlanCommand(missionId, true), ct);
            return Results.NoContent();
        });
        plan.MapPost("/unlock", async (Guid missionId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new LockMeetingPlanCommand(missionId, false), ct);
            return Results.NoContent();
        });
        plan.MapPost("/publish", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new PublishMeetingPlanCommand(missionId), ct));
        // A person's meeting cap (null: none) and, for a delegate, priority (0–10).
        plan.MapPut("/limits/{personId:guid}", async (Guid missionId, Guid personId, LimitsRequest body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new SetMeetingLimitsCommand(missionId, personId, body.Cap, body.Priority), ct);
            return Results.NoContent();
        });

        api.MapGet("/missions/{missionId:guid}/meeting-requests", (Guid missionId, IMediator m, CancellationToken ct) =>
            m.Send(new ListMeetingRequestsQuery(missionId), ct)).WithTags("B2B meetings");
        api.MapGet("/missions/{missionId:guid}/directory", (Guid missionId, [FromQuery] Sector? sector, [FromQuery] string? topic, [FromQuery] string? country,
                [FromQuery] string? organisation, [FromQuery] string? search, IMediator m, CancellationToken ct) =>
            m.Send(new GetDirectoryQuery(missionId, new DirectoryFilter(sector, topic, country, organisation, search)), ct))
            .WithTags("B2B meetings");
        return api;
    }
}
