using MediatR;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Outbox;

namespace MissionPlanner.Web.Api;

public static class InvitationsEndpoints
{
    /// <summary>The registration deadline (mission time; empty: none) and the days before it on which those who have not answered are reminded.</summary>
    public sealed record RegistrationSchedule(DateOnly? Deadline, IReadOnlyList<int> ReminderDays);

    public static RouteGroupBuilder MapInvitations(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/missions/{missionId:guid}/invitations").WithTags("Invitations");
        invitations.MapGet("/", (Guid missionId, InvitationStatus? status, IMediator m, CancellationToken ct) =>
            m.Send(new ListInvitationsQuery(missionId, status), ct));
        invitations.MapPost("/", async (Guid missionId, InviteParticipantCommand command, IMediator m, CancellationToken ct) =>
        {
            var invitation = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/invitations/{invitation.Id}", invitation);
        });
        invitations.MapPost("/import", async (Guid missionId, ImportInvitationsCommand command, IMediator m, CancellationToken ct) =>
            ImportResults.ToHttp(await m.Send(command with { MissionId = missionId }, ct), command.Preview));
        invitations.MapPost("/{invitationId:guid}/resend", async (Guid missionId, Guid invitationId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ResendInvitationCommand(missionId, invitationId), ct);
            return Results.Accepted();
        });
        invitations.MapPost("/{invitationId:guid}/revoke", async (Guid missionId, Guid invitationId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RevokeInvitationCommand(missionId, invitationId), ct);
            return Results.NoContent();
        });
        api.MapGet("/missions/{missionId:guid}/registration-schedule", (Guid missionId, IMediator m, CancellationToken ct) =>
            ScheduleAsync(m, missionId, ct)).WithTags("Invitations");
        api.MapPut("/missions/{missionId:guid}/registration-schedule",
            async (Guid missionId, SetRegistrationScheduleCommand command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { MissionId = missionId }, ct);
                return await ScheduleAsync(m, missionId, ct);
            }).WithTags("Invitations");

        var outbox = api.MapGroup("/missions/{missionId:guid}/outbox").WithTags("Outbox");
        outbox.MapGet("/", (Guid missionId, OutboxStatus? status, string? search, IMediator m, CancellationToken ct) =>
            m.Send(new GetOutboxQuery(missionId, status, search), ct));
        outbox.MapPost("/{messageId:guid}/resend", async (Guid missionId, Guid messageId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ResendMessageCommand(missionId, messageId), ct);
            return Results.Accepted();
        });
        outbox.MapPost("/{messageId:guid}/cancel", async (Guid missionId, Guid messageId, IMediator m, CancellationToken ct) =>
            Results.Ok(new { cancelled = await m.Send(new CancelMessagesCommand(missionId, messageId, null), ct) }));
        return api;
    }

    private static async Task<RegistrationSchedule> ScheduleAsync(IMediator m, Guid missionId, CancellationToken ct)
    {
        var mission = await m.Send(new Features.Missions.GetMissionQuery(missionId), ct);
        return new RegistrationSchedule(mission.RegistrationDeadline,
            mission.ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList());
    }
}
