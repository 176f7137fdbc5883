using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Surveys;

/// <summary>One survey: its definition, where it stands and how many answered.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetSurveyQuery(Guid MissionId, Guid SurveyId) : IRequest<SurveyView>, IMissionRequest;

public sealed class GetSurveyHandler(AppDbContext db) : IRequestHandler<GetSurveyQuery, SurveyView>
{
    public async Task<SurveyView> Handle(GetSurveyQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == request.SurveyId && s.MissionId == mission.Id, cancellationToken)
                     ?? throw new NotFoundException("Survey");
        return (await SurveyRules.ViewsAsync(db, mission, [survey], cancellationToken))[0];
    }
}
