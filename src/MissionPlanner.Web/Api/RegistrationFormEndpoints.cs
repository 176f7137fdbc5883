using MediatR;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Api;

public static class RegistrationFormEndpoints
{
    public sealed record RegistrationModeSetting(Domain.Registrations.RegistrationMode Mode);

    /// <summary>Organisers: the registration mode, their questions and decisions on people.</summary>
    public static RouteGroupBuilder MapRegistrationForm(this RouteGroupBuilder api)
    {
        var mission = api.MapGroup("/missions/{missionId:guid}").WithTags("Registration form");
        mission.MapGet("/registration-mode", async (Guid missionId, IMediator m, CancellationToken ct) =>
            new RegistrationModeSetting((await m.Send(new Features.Missions.GetMissionQuery(missionId), ct)).RegistrationMode));
        mission.MapPut("/registration-mode", async (Guid missionId, SetRegistrationModeCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId }, ct);
            return Results.NoContent();
        });
        mission.MapGet("/questions", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListQuestionsQuery(missionId), ct));
        mission.MapPost("/questions", async (Guid missionId, AddQuestionCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/questions/{id}", new { id });
        });
        mission.MapPut("/questions/{questionId:guid}", async (Guid missionId, Guid questionId, UpdateQuestionCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, QuestionId = questionId }, ct);
            return Results.NoContent();
        });
        mission.MapPost("/questions/{questionId:guid}/move", async (Guid missionId, Guid questionId, bool up, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new MoveQuestionCommand(missionId, questionId, up), ct);
            return Results.NoContent();
        });
        mission.MapDelete("/questions/{questionId:guid}", async (Guid missionId, Guid questionId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteQuestionCommand(missionId, questionId), ct);
            return Results.NoContent();
        });
        mission.MapPost("/delegation/{registrationId:guid}/decision",
            async (Guid missionId, Guid registrationId, DecideRegistrationCommand command, IMediator m, CancellationToken ct) =>
                Results.Ok(new { status = await m.Send(command with { MissionId = missionId, RegistrationId = registrationId }, ct) }));
        return api;
    }

    /// <summary>
    /// Anyone: the form of a mission that takes registrations from anyone, and registering. The
    /// answer is always 202 with the same text: the personal link goes to the address given.
    /// </summary>
    public static RouteGroupBuilder MapPublicRegistration(this RouteGroupBuilder api)
    {
        var mission = api.MapGroup("/missions/{missionId:guid}").WithTags("Public registration");
        mission.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new GetPublicMissionQuery(missionId), ct));
        mission.MapGet("/form", async (Guid missionId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new GetPublicMissionQuery(missionId), ct);
            return await m.Send(new GetRegistrationFormQuery(missionId), ct);
        });
        mission.MapPost("/registrations", async (Guid missionId, PublicRegistration body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RegisterOpenCommand(missionId, body.Email, body.Details), ct);
            return Results.Accepted(value: new { message = "The personal link is on its way to the address given." });
        });
        return api;
    }

    public sealed record PublicRegistration(string Email, RegistrationDetails Details);
}
