using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Features.Surveys;

namespace MissionPlanner.Web.Api;

/// <summary>
/// Feedback surveys: /api/v1/missions/{missionId}/surveys. A survey is built as a draft, scheduled (it goes out when
/// what it asks about ends), answered through personal links, closed, and read as results or exported answers.
/// </summary>
public static class SurveysEndpoints
{
    public static RouteGroupBuilder MapSurveys(this RouteGroupBuilder api)
    {
        var all = api.MapGroup("/missions/{missionId:guid}/surveys").WithTags("Surveys");
        // Newest first, each with what it asks about, when it goes out and how many answered.
        all.MapGet("/", (Guid missionId, IMediator m, CancellationToken ct) => m.Send(new ListSurveysQuery(missionId), ct));
        all.MapPost("/", async (Guid missionId, CreateSurveyCommand command, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(command with { MissionId = missionId }, ct);
            return Results.Created($"/api/v1/missions/{missionId}/surveys/{id}", await m.Send(new GetSurveyQuery(missionId, id), ct));
        }).Produces<SurveyView>(StatusCodes.Status201Created);

        var one = all.MapGroup("/{surveyId:guid}");
        one.MapGet("/", (Guid missionId, Guid surveyId, IMediator m, CancellationToken ct) => m.Send(new GetSurveyQuery(missionId, surveyId), ct));
        // Replaces the whole definition (questions included) while it is a draft or scheduled; 409 on a stale version.
        one.MapPut("/", async (Guid missionId, Guid surveyId, UpdateSurveyCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, SurveyId = surveyId }, ct);
            return await m.Send(new GetSurveyQuery(missionId, surveyId), ct);
        });
        one.MapDelete("/", async (Guid missionId, Guid surveyId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteSurveyCommand(missionId, surveyId), ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
        // {"scheduled": true, "version": n}: goes out when what it asks about ends; false takes it back to draft.
        one.MapPost("/schedule", async (Guid missionId, Guid surveyId, ScheduleSurveyCommand command, IMediator m, CancellationToken ct) =>
        {
            await m.Send(command with { MissionId = missionId, SurveyId = surveyId }, ct);
            return await m.Send(new GetSurveyQuery(missionId, surveyId), ct);
        });
        one.MapPost("/close", async (Guid missionId, Guid surveyId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CloseSurveyCommand(missionId, surveyId), ct);
            return await m.Send(new GetSurveyQuery(missionId, surveyId), ct);
        });
        one.MapGet("/results", (Guid missionId, Guid surveyId, IMediator m, CancellationToken ct) => m.Send(new GetSurveyResultsQuery(missionId, surveyId), ct));
        one.MapGet("/answers.csv", async (Guid missionId, Guid surveyId, IMediator m, CancellationToken ct) =>
                (await m.Send(new ExportSurveyResultsQuery(missionId, surveyId, ExportFormat.Csv), ct)).ToResult())
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        one.MapGet("/answers.xlsx", async (Guid missionId, Guid surveyId, IMediator m, CancellationToken ct) =>
                (await m.Send(new ExportSurveyResultsQuery(missionId, surveyId, ExportFormat.Xlsx), ct)).ToResult())
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return api;
    }
}
