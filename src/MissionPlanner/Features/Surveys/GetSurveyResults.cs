using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Features.Report;

namespace MissionPlanner.Features.Surveys;

/// <summary>The answers to one question, summed up.</summary>
/// <param name="Answers">People who answered this question.</param>
/// <param name="Counts">Rating: how many gave 1, 2, … 5 (every step, zeros too); choices: how many chose each option, in the organiser's order. Empty for text.</param>
/// <param name="Mean">Rating: the average of the ratings given, or null when none.</param>
/// <param name="Texts">Text: the answers, without names (in no telling order for an anonymous survey); empty for the other kinds.</param>
public sealed record SurveyQuestionResult(
    Guid Id, int Position, SurveyQuestionKind Kind, string Text, int Answers, IReadOnlyList<ReportCount> Counts, double? Mean, IReadOnlyList<string> Texts)
{
    /// <summary>For people: "4 answers, average 4.5 of 5", "2 written answers", "no answer yet".</summary>
    public string Summary => Answers == 0 ? "no answer yet"
        : Kind == SurveyQuestionKind.Rating ? $"{Report.ReportCharts.Many(Answers, "answer")}, average {Mean?.ToString("0.#", CultureInfo.InvariantCulture)} of {SurveyQuestion.RatingMax}"
        : Kind == SurveyQuestionKind.Text ? Report.ReportCharts.Many(Answers, "written answer")
        : Report.ReportCharts.Many(Answers, "answer");
}

/// <summary>A survey's results: who was asked and answered, and each question summed up (counts, never names).</summary>
/// <param name="ClosesLocal"><paramref name="ClosesAt"/> (UTC) in the mission's time zone, as pages and the PDF show it.</param>
/// <param name="Asked">People it was sent to.</param>
/// <param name="Answered">People who answered.</param>
public sealed record SurveyResults(
    Guid Id, string Title, string About, bool Anonymous, SurveyStatus Status, DateTime? SentAt, DateTime? ClosesAt, DateTime? ClosesLocal, int Asked, int Answered,
    IReadOnlyList<SurveyQuestionResult> Questions)
{
    /// <summary>Answered as a share of asked, 0–1; 0 when nobody was asked.</summary>
    public double ResponseRate => Asked == 0 ? 0 : (double)Answered / Asked;

    /// <summary>For people: "answered by 2 of 3 people (67 %)".</summary>
    public string Responses => $"answered by {Answered} of {Report.ReportCharts.Many(Asked, "person", "people")} ({ResponseRate.ToString("P0", CultureInfo.GetCultureInfo("en-GB"))})";
}

/// <summary>A survey's results per question, with counts for charts and the text answers without names.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetSurveyResultsQuery(Guid MissionId, Guid SurveyId) : IRequest<SurveyResults>, IMissionRequest;

public sealed class GetSurveyResultsHandler(AppDbContext db) : IRequestHandler<GetSurveyResultsQuery, SurveyResults>
{
    public async Task<SurveyResults> Handle(GetSurveyResultsQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == request.SurveyId && s.MissionId == mission.Id, cancellationToken)
                     ?? throw new NotFoundException("Survey");
        return (await SurveyResultsBuilder.BuildAsync(db, mission, [survey], cancellationToken))[0];
    }
}

internal static class SurveyResultsBuilder
{
    /// <summary>Results of the given surveys, in the order given (for the results page, the export and the mission report).</summary>
    public static async Task<IReadOnlyList<SurveyResults>> BuildAsync(AppDbContext db, Mission mission, IReadOnlyList<Survey> surveys, CancellationToken ct)
    {
        var ids = surveys.Select(s => s.Id).ToList();
        var views = (await SurveyRules.ViewsAsync(db, mission, surveys, ct)).ToDictionary(v => v.Id);
        // Ordered by id, which is random: an anonymous survey's text answers do not come out in the order people answered.
        var answers = (await (from a in db.SurveyAnswers.AsNoTracking()
                              join r in db.SurveyResponses on a.ResponseId equals r.Id
                              where ids.Contains(r.SurveyId)
                              orderby r.Id
                              select new { a.QuestionId, a.Value }).ToListAsync(ct))
            .ToLookup(a => a.QuestionId, a => a.Value);
        return surveys.Select(s =>
        {
            var view = views[s.Id];
            return new SurveyResults(s.Id, s.Title, view.About, s.Anonymous, s.Status, s.SentAt, s.ClosesAt,
                s.ClosesAt is { } closes ? MissionTime.ToLocal(closes, mission.TimeZone) : null, view.Asked, view.Answered,
                s.Questions.OrderBy(q => q.Position).Select(q => Sum(q, answers[q.Id].ToList())).ToList());
        }).ToList();
    }

    private static SurveyQuestionResult Sum(SurveyQuestion q, IReadOnlyList<string?> values)
    {
        switch (q.Kind)
        {
            case SurveyQuestionKind.Rating:
                var ratings = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0).Where(r => r > 0).ToList();
                return new SurveyQuestionResult(q.Id, q.Position, q.Kind, q.Text, ratings.Count,
                    Enumerable.Range(SurveyQuestion.RatingMin, SurveyQuestion.RatingMax - SurveyQuestion.RatingMin + 1)
                        .Select(step => new ReportCount(step.ToString(CultureInfo.InvariantCulture), ratings.Count(r => r == step))).ToList(),
                    ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2), []);
            case SurveyQuestionKind.Text:
                // Purged text answers are null; the answer still counts.
                return new SurveyQuestionResult(q.Id, q.Position, q.Kind, q.Text, values.Count, [], null,
                    values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList());
            default:
                var chosen = values.SelectMany(v => (v ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
                return new SurveyQuestionResult(q.Id, q.Position, q.Kind, q.Text, values.Count,
                    q.OptionList.Select(o => new ReportCount(o, chosen.Count(c => c == o))).ToList(), null, []);
        }
    }
}
