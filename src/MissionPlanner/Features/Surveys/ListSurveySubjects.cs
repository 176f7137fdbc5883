using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Surveys;

/// <summary>What a survey can ask about besides the whole mission, for the builder's choices: programme items (not B2B meetings or visit groups) and visits.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListSurveySubjectsQuery(Guid MissionId) : IRequest<SurveySubjects>, IMissionRequest;

/// <param name="Items">In programme order, each named with its start in mission time ("Bilateral symposium (Mon 18 Jan 09:00)").</param>
public sealed record SurveySubjects(IReadOnlyList<SurveySubjectOption> Items, IReadOnlyList<SurveySubjectOption> Visits);

public sealed record SurveySubjectOption(Guid Id, string Title, bool Cancelled);

public sealed class ListSurveySubjectsHandler(AppDbContext db) : IRequestHandler<ListSurveySubjectsQuery, SurveySubjects>
{
    public async Task<SurveySubjects> Handle(ListSurveySubjectsQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var english = CultureInfo.GetCultureInfo("en-GB");
        var items = await db.ProgrammeItems.AsNoTracking().Where(i => i.MissionId == mission.Id && i.MeetingId == null && i.VisitId == null)
            .OrderBy(i => i.StartsAt).Select(i => new { i.Id, i.Title, i.StartsAt, i.Cancelled }).ToListAsync(cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => v.MissionId == mission.Id).OrderBy(v => v.Title)
            .Select(v => new { v.Id, v.Title, v.Cancelled }).ToListAsync(cancellationToken);
        return new SurveySubjects(
            items.Select(i => new SurveySubjectOption(i.Id, $"{i.Title} ({MissionTime.ToLocal(i.StartsAt, mission.TimeZone).ToString("ddd d MMM HH:mm", english)})", i.Cancelled)).ToList(),
            visits.Select(v => new SurveySubjectOption(v.Id, v.Title, v.Cancelled)).ToList());
    }
}
