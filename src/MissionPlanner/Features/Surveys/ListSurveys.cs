using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Surveys;

/// <summary>The mission's surveys, newest first, each with what it asks about, when it goes or went out, and how many answered.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListSurveysQuery(Guid MissionId) : IRequest<IReadOnlyList<SurveyView>>, IMissionRequest;

public sealed class ListSurveysHandler(AppDbContext db) : IRequestHandler<ListSurveysQuery, IReadOnlyList<SurveyView>>
{
    public async Task<IReadOnlyList<SurveyView>> Handle(ListSurveysQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Questions).Where(s => s.MissionId == mission.Id)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        return await SurveyRules.ViewsAsync(db, mission, surveys, cancellationToken);
    }
}
