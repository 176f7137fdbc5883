using System.Text.Json.Serialization;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Surveys;

/// <summary>
/// Closes a sent survey before its closing day: answers given after this are refused with a clear message. A survey
/// never sent is refused on "Status" (delete a draft instead); closing a closed one changes nothing.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CloseSurveyCommand(Guid MissionId, Guid SurveyId) : IRequest<Unit>, IMissionRequest;

public sealed class CloseSurveyHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CloseSurveyCommand, Unit>
{
    public async Task<Unit> Handle(CloseSurveyCommand request, CancellationToken cancellationToken)
    {
        var survey = await SurveyRules.SurveyAsync(db, request.MissionId, request.SurveyId, cancellationToken);
        survey.Close(clock.GetUtcNow().UtcDateTime);
        await Documents.DocumentGeneration.RefreshReportAsync(db, request.MissionId, "a survey closed", clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
