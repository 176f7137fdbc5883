using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Surveys;

/// <summary>Deletes a survey that was never sent (draft or scheduled); one that was sent holds answers and is refused on "Status".</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeleteSurveyCommand(Guid MissionId, Guid SurveyId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteSurveyHandler(AppDbContext db) : IRequestHandler<DeleteSurveyCommand, Unit>
{
    public async Task<Unit> Handle(DeleteSurveyCommand request, CancellationToken cancellationToken)
    {
        var survey = await SurveyRules.SurveyAsync(db, request.MissionId, request.SurveyId, cancellationToken);
        if (!survey.CanChange)
        {
            throw new DomainException(nameof(survey.Status), "This survey has been sent and holds answers: close it instead.");
        }

        db.Surveys.Remove(survey);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
