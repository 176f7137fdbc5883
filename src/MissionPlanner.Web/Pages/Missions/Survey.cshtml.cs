using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Features.Report;
using MissionPlanner.Features.Surveys;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// One survey: while it is a draft or scheduled, its builder (title, introduction, anonymity, days open, what it asks
/// about, and its questions, added, changed, moved and removed in one form); once sent, its results per question with
/// charts, the written answers, and the answers to download as CSV or Excel.
/// </summary>
public sealed partial class SurveyModel(IMediator mediator) : AppPageModel(mediator)
{
    public SurveyView Survey { get; private set; } = null!;

    public SurveySubjects Subjects { get; private set; } = new([], []);

    public SurveyResults? Results { get; private set; }

    /// <summary>Per question of <see cref="Results"/>: its chart, or "" for a text question.</summary>
    public IReadOnlyList<string> Charts { get; private set; } = [];

    [BindProperty]
    public SurveyInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid missionId, Guid surveyId)
    {
        if (!await LoadAsync(missionId, surveyId))
        {
            return NotFound();
        }

        Input = SurveyInput.From(Survey);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid missionId, Guid surveyId) => SaveAsync(missionId, surveyId, "Saved.");

    /// <param name="move">"{row}:up" or "{row}:down": saves the form with that question moved.</param>
    public Task<IActionResult> OnPostMoveAsync(Guid missionId, Guid surveyId, string? move)
    {
        if (move?.Split(':') is [var row, var direction] && int.TryParse(row, out var from) && from >= 0 && from < Input.Questions.Count)
        {
            var to = direction == "up" ? from - 1 : from + 1;
            if (to >= 0 && to < Input.Questions.Count)
            {
                (Input.Questions[from], Input.Questions[to]) = (Input.Questions[to], Input.Questions[from]);
            }
        }

        return SaveAsync(missionId, surveyId, "Question moved.");
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid missionId, Guid surveyId, bool scheduled, int version)
    {
        if (!await LoadAsync(missionId, surveyId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new ScheduleSurveyCommand(scheduled, version) { MissionId = missionId, SurveyId = surveyId }, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = scheduled ? "Scheduled: the survey goes out by itself when what it asks about ends." : "Back to draft: it will not go out until you schedule it again.";
            return Redirect($"/missions/{missionId}/surveys/{surveyId}");
        }

        Input = SurveyInput.From(Survey);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid missionId, Guid surveyId)
    {
        if (!await LoadAsync(missionId, surveyId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new CloseSurveyCommand(missionId, surveyId), besideFields: false);
        if (ok)
        {
            TempData["Notice"] = "Closed: it takes no more answers.";
            return Redirect($"/missions/{missionId}/surveys/{surveyId}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid missionId, Guid surveyId)
    {
        if (!await LoadAsync(missionId, surveyId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new DeleteSurveyCommand(missionId, surveyId), besideFields: false);
        if (ok)
        {
            TempData["Notice"] = $"Survey \"{Survey.Title}\" deleted.";
            return Redirect($"/missions/{missionId}/surveys");
        }

        Input = SurveyInput.From(Survey);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid missionId, Guid surveyId, ExportFormat format)
    {
        try
        {
            return Download(await Mediator.Send(new ExportSurveyResultsQuery(missionId, surveyId, format), HttpContext.RequestAborted));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<IActionResult> SaveAsync(Guid missionId, Guid surveyId, string notice)
    {
        if (!await LoadAsync(missionId, surveyId))
        {
            return NotFound();
        }

        // Rows left empty (the blank row for a new question) and rows marked for removal are not sent; errors come back
        // numbered as sent ("Questions[1].Text") and are put beside the row they belong to.
        var rows = Input.Questions.Select((q, row) => (q, row)).Where(x => !x.q.Remove && !x.q.IsBlank).ToList();
        var (item, visit) = SurveyAbout.Parse(Input.About);
        var (ok, _) = await TrySendAsync(new UpdateSurveyCommand(Input.Title, Input.Intro, Input.Anonymous, Input.OpenDays, item, visit,
            rows.Select(x => new SurveyQuestionInput(x.q.Kind, x.q.Text, Lines(x.q.Options), x.q.Required)).ToList(), Input.Version)
        { MissionId = missionId, SurveyId = surveyId });
        if (ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/missions/{missionId}/surveys/{surveyId}");
        }

        // All taken out first, then put back under the row's key: a row's new key may be another's old one.
        var moved = ModelState.Where(e => QuestionKey().IsMatch(e.Key))
            .Select(e => (e.Key, Errors: e.Value!.Errors.Select(x => x.ErrorMessage).ToList())).ToList();
        foreach (var (key, errors) in moved)
        {
            ModelState.Remove(key);
        }

        foreach (var (key, errors) in moved)
        {
            var sent = int.Parse(QuestionKey().Match(key).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var at = sent < rows.Count ? QuestionKey().Replace(key, $"Input.Questions[{rows[sent].row}]") : "";
            errors.ForEach(e => ModelState.AddModelError(at, e));
        }

        return Page();
    }

    private static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^Input\.Questions\[(\d+)\]")]
    private static partial Regex QuestionKey();

    private async Task<bool> LoadAsync(Guid missionId, Guid surveyId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        try
        {
            Survey = await Mediator.Send(new GetSurveyQuery(missionId, surveyId), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Subjects = await Mediator.Send(new ListSurveySubjectsQuery(missionId), HttpContext.RequestAborted);
        if (Survey.Status is SurveyStatus.Open or SurveyStatus.Closed)
        {
            Results = await Mediator.Send(new GetSurveyResultsQuery(missionId, surveyId), HttpContext.RequestAborted);
            Charts = ReportCharts.Survey(Results);
        }

        return true;
    }

    public sealed class SurveyInput
    {
        public string? Title { get; set; }
        public string? Intro { get; set; }
        public bool Anonymous { get; set; }
        public int OpenDays { get; set; } = 14;

        /// <summary>"" (the whole mission), "item:{id}" or "visit:{id}".</summary>
        public string? About { get; set; }

        public int? Version { get; set; }

        /// <summary>The questions in order, and a blank row at the end for a new one.</summary>
        public List<QuestionRow> Questions { get; set; } = [];

        public static SurveyInput From(SurveyView s) => new()
        {
            Title = s.Title,
            Intro = s.Intro,
            Anonymous = s.Anonymous,
            OpenDays = s.OpenDays,
            About = SurveyAbout.Format(s.ProgrammeItemId, s.VisitId),
            Version = s.Version,
            Questions = [.. s.Questions.Select(q => new QuestionRow { Kind = q.Kind, Text = q.Text, Options = string.Join('\n', q.Options), Required = q.Required, Existing = true }), new QuestionRow()],
        };
    }

    public sealed class QuestionRow
    {
        public SurveyQuestionKind? Kind { get; set; }
        public string? Text { get; set; }

        /// <summary>For choice questions: one option per line.</summary>
        public string? Options { get; set; }

        public bool Required { get; set; }
        public bool Remove { get; set; }

        /// <summary>A question the survey had: emptied, it is refused rather than dropped (removing is explicit).</summary>
        public bool Existing { get; set; }

        /// <summary>The spare row for a new question, left empty.</summary>
        public bool IsBlank => !Existing && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Options);
    }
}
