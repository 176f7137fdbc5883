using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Surveys;

namespace MissionPlanner.Features.Surveys;

/// <summary>
/// Replaces a survey's definition (title, introduction, anonymity, days open, what it asks about, its questions in
/// order) while it is a draft or scheduled; once sent it is refused on "Status", since answers depend on it.
/// <paramref name="Version"/> is the version read: a stale one is a conflict, not an overwrite.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateSurveyCommand(
    string? Title, string? Intro, bool? Anonymous, int OpenDays, Guid? ProgrammeItemId, Guid? VisitId, IReadOnlyList<SurveyQuestionInput>? Questions, int? Version)
    : IRequest<Unit>, IMissionRequest, ISurveyDefinition
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid SurveyId { get; init; }
}

public sealed class UpdateSurveyValidator : SurveyDefinitionValidator<UpdateSurveyCommand>
{
    public UpdateSurveyValidator()
    {
        RuleFor(x => x.Version).NotNull();
        // The whole list is replaced: leaving it out must not delete every question (send [] for none).
        RuleFor(x => x.Questions).NotNull().WithMessage("Give the questions, in order ([] for none): they replace the ones the survey has.");
    }
}

public sealed class UpdateSurveyHandler(AppDbContext db) : IRequestHandler<UpdateSurveyCommand, Unit>
{
    public async Task<Unit> Handle(UpdateSurveyCommand request, CancellationToken cancellationToken)
    {
        var survey = await SurveyRules.SurveyAsync(db, request.MissionId, request.SurveyId, cancellationToken);
        db.ExpectVersion(survey, request.Version!.Value);
        await SurveyRules.EnsureSubjectAsync(db, request.MissionId, request.ProgrammeItemId, request.VisitId, cancellationToken);
        survey.About(request.ProgrammeItemId, request.VisitId);
        survey.Define(request.Title!, request.Intro, request.Anonymous!.Value, request.OpenDays, UpdateSurveyValidator.Definitions(request));
        // Questions are rows of their own: the survey's version guards them too, even when nothing else changed.
        db.Entry(survey).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
