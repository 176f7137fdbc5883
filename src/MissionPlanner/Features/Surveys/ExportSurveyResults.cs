using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Surveys;

namespace MissionPlanner.Features.Surveys;

/// <summary>
/// Every answer of a survey, one row per person who answered and one column per question ("Q1. …"); several choices
/// are joined by "; ". A survey that is not anonymous starts each row with the person's name, organisation and when
/// they answered (until the mission's personal data is purged); an anonymous one has no such columns, and its rows
/// come in no telling order.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ExportSurveyResultsQuery(Guid MissionId, Guid SurveyId, ExportFormat Format) : IRequest<ExportFile>, IMissionRequest;

public sealed class ExportSurveyResultsHandler(AppDbContext db) : IRequestHandler<ExportSurveyResultsQuery, ExportFile>
{
    public async Task<ExportFile> Handle(ExportSurveyResultsQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == request.SurveyId && s.MissionId == mission.Id, cancellationToken)
                     ?? throw new NotFoundException("Survey");
        var questions = survey.Questions.OrderBy(q => q.Position).ToList();
        var responses = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.SurveyId == survey.Id)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = responses.Where(r => r.RegistrationId is not null).Select(r => r.RegistrationId!.Value).ToList();
        var people = await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id) && r.ErasedAt == null)
            .Select(r => new { r.Id, r.Name, r.Organisation }).ToDictionaryAsync(r => r.Id, cancellationToken);

        var named = !survey.Anonymous;
        var header = (named ? new[] { "Name", "Organisation", "Answered at (UTC)" } : [])
            .Concat(questions.Select(q => $"Q{q.Position}. {q.Text}")).ToList();
        var rows = responses.Select(r =>
        {
            var person = r.RegistrationId is { } id ? people.GetValueOrDefault(id) : null;
            var cells = named
                ? new List<object?> { person?.Name ?? "(personal data removed)", person?.Organisation, r.SubmittedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) }
                : [];
            var answers = r.Answers.ToDictionary(a => a.QuestionId, a => a.Value);
            cells.AddRange(questions.Select(q => Cell(q, answers.GetValueOrDefault(q.Id))));
            return (IReadOnlyList<object?>)cells;
        }).ToList();

        return ExportFile.Of(request.Format, $"survey-{Slug(survey.Title)}", "Answers", header, rows);
    }

    private static object? Cell(SurveyQuestion q, string? value) => value is null ? null
        : q.Kind == SurveyQuestionKind.Rating && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) ? rating
        : value.Replace("\n", q.Kind == SurveyQuestionKind.Text ? "\n" : "; ");

    /// <summary>"How was the cleanroom tour?" → "how-was-the-cleanroom-tour" (letters and digits of any script; at most 60 characters).</summary>
    private static string Slug(string title)
    {
        var words = new string(title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? "answers" : slug[..Math.Min(60, slug.Length)].TrimEnd('-');
    }
}
