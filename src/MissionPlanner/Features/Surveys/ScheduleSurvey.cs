using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Surveys;

/// <summary>
/// Schedules a survey (<paramref name="Scheduled"/> true): the survey job sends it once what it asks about has
/// ended, at once if that is past. False takes it back to draft. A survey without questions is refused on
/// "Questions"; one already sent on "Status".
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ScheduleSurveyCommand(bool? Scheduled, int? Version) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid SurveyId { get; init; }
}

public sealed class ScheduleSurveyValidator : AbstractValidator<ScheduleSurveyCommand>
{
    public ScheduleSurveyValidator()
    {
        RuleFor(x => x.Scheduled).NotNull();
        RuleFor(x => x.Version).NotNull();
    }
}

public sealed class ScheduleSurveyHandler(AppDbContext db) : IRequestHandler<ScheduleSurveyCommand, Unit>
{
    public async Task<Unit> Handle(ScheduleSurveyCommand request, CancellationToken cancellationToken)
    {
        var survey = await SurveyRules.SurveyAsync(db, request.MissionId, request.SurveyId, cancellationToken);
        db.ExpectVersion(survey, request.Version!.Value);
        survey.Schedule(request.Scheduled!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
