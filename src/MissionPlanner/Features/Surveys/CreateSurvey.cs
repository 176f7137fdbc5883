using System.Text.Json.Serialization;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Surveys;

namespace MissionPlanner.Features.Surveys;

/// <summary>
/// Creates a draft survey about the whole mission, one programme item (<paramref name="ProgrammeItemId"/>) or one
/// visit (<paramref name="VisitId"/>), with its questions (none yet is allowed for a draft). It goes out only once
/// scheduled (<see cref="ScheduleSurveyCommand"/>).
/// </summary>
/// <param name="OpenDays">Days it takes answers once sent, 1–90 (default 14).</param>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateSurveyCommand(
    string? Title, string? Intro = null, bool? Anonymous = false, int OpenDays = 14, Guid? ProgrammeItemId = null, Guid? VisitId = null,
    IReadOnlyList<SurveyQuestionInput>? Questions = null)
    : IRequest<Guid>, IMissionRequest, ISurveyDefinition
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class CreateSurveyValidator : SurveyDefinitionValidator<CreateSurveyCommand>;

public sealed class CreateSurveyHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CreateSurveyCommand, Guid>
{
    public async Task<Guid> Handle(CreateSurveyCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        await SurveyRules.EnsureSubjectAsync(db, mission.Id, request.ProgrammeItemId, request.VisitId, cancellationToken);
        var survey = new Survey(mission.Id, request.ProgrammeItemId, request.VisitId, clock.GetUtcNow().UtcDateTime);
        survey.Define(request.Title!, request.Intro, request.Anonymous!.Value, request.OpenDays, CreateSurveyValidator.Definitions(request));
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        return survey.Id;
    }
}
