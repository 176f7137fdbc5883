using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Surveys;

/// <summary>A survey someone was asked to answer, as their personal page shows it.</summary>
/// <param name="Open">It still takes answers.</param>
/// <param name="ClosesAt">UTC: when it stops (or stopped) taking answers.</param>
/// <param name="ClosesLocal">The same in the mission's time zone (<paramref name="TimeZoneId"/>), as the page shows it.</param>
public sealed record MySurveyView(
    Guid Id, string MissionTitle, string Title, string? Intro, string About, bool Anonymous, bool Answered, bool Open, DateTime? ClosesAt, DateTime? ClosesLocal,
    string TimeZoneId, IReadOnlyList<SurveyQuestionView> Questions);

/// <summary>The surveys the holder of a registration link was asked to answer, open ones first.</summary>
public sealed record ListMySurveysQuery(string Token) : IRequest<IReadOnlyList<MySurveyView>>;

public sealed class ListMySurveysHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<ListMySurveysQuery, IReadOnlyList<MySurveyView>>
{
    public async Task<IReadOnlyList<MySurveyView>> Handle(ListMySurveysQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, links, request.Token, cancellationToken);
        return await MySurveys.ForAsync(db, registration.MissionId, registration.Id, null, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}

internal static class MySurveys
{
    /// <summary>The surveys <paramref name="registrationId"/> was asked (only <paramref name="surveyId"/> when given): open ones first, then newest.</summary>
    public static async Task<IReadOnlyList<MySurveyView>> ForAsync(AppDbContext db, Guid missionId, Guid registrationId, Guid? surveyId, DateTime now, CancellationToken ct)
    {
        var asked = await (from r in db.SurveyRecipients.AsNoTracking()
                           join s in db.Surveys.AsNoTracking().Include(x => x.Questions) on r.SurveyId equals s.Id
                           where r.RegistrationId == registrationId && (surveyId == null || s.Id == surveyId)
                           select new { Survey = s, r.Answered }).ToListAsync(ct);
        if (asked.Count == 0)
        {
            return [];
        }

        var mission = await db.MissionAsync(missionId, ct);
        var views = (await SurveyRules.ViewsAsync(db, mission, asked.Select(a => a.Survey).ToList(), ct)).ToDictionary(v => v.Id);
        return asked.Select(a => new MySurveyView(a.Survey.Id, mission.Title, a.Survey.Title, a.Survey.Intro, views[a.Survey.Id].About, a.Survey.Anonymous, a.Answered,
                a.Survey.TakesAnswers(now), a.Survey.ClosesAt, a.Survey.ClosesAt is { } at ? Domain.Missions.MissionTime.ToLocal(at, mission.TimeZone) : null,
                mission.TimeZoneId, views[a.Survey.Id].Questions))
            .OrderByDescending(v => v.Open && !v.Answered).ThenByDescending(v => v.ClosesAt).ToList();
    }
}
