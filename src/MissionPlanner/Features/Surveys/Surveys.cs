using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Surveys;
using MissionPlanner.Jobs;
using Quartz;

namespace MissionPlanner.Features.Surveys;

/// <summary>Settings of the feedback surveys (section "Surveys").</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>People who have not answered are reminded once, this many days after the survey was sent (if it is open a day longer).</summary>
    public int ReminderAfterDays { get; set; } = 3;
}

/// <summary>A question as an organiser writes it (forms and the API).</summary>
/// <param name="Kind">Rating (1–5), OneChoice, SeveralChoices or Text; required.</param>
/// <param name="Options">For choice questions: 2–20 options of up to 200 characters; none for the others.</param>
public sealed record SurveyQuestionInput(SurveyQuestionKind? Kind, string? Text, IReadOnlyList<string>? Options = null, bool Required = false);

/// <summary>One question of a survey as pages and the API show it.</summary>
public sealed record SurveyQuestionView(Guid Id, int Position, SurveyQuestionKind Kind, string Text, IReadOnlyList<string> Options, bool Required);

/// <summary>A survey as lists, the builder and the API show it.</summary>
/// <param name="About">What it asks about, in words ("the whole mission", "'Cleanroom tour' (Tue 19 Jan 10:00)").</param>
/// <param name="SendsAt">UTC: when the survey job sends it (what it asks about ends), while scheduled or draft; null when that is not known.</param>
/// <param name="Problem">Why a scheduled survey will not go out as it stands (its item was cancelled, its visit has no published group), or null.</param>
/// <param name="Asked">People it was sent to.</param>
/// <param name="Answered">People who answered.</param>
public sealed record SurveyView(
    Guid Id, string Title, string? Intro, bool Anonymous, int OpenDays, SurveyStatus Status, Guid? ProgrammeItemId, Guid? VisitId, string About,
    DateTime? SendsAt, string? Problem, DateTime? SentAt, DateTime? ClosesAt, int Asked, int Answered, IReadOnlyList<SurveyQuestionView> Questions, int Version);

/// <summary>What a survey asks about, and when that ends (UTC), or why it cannot be sent.</summary>
internal sealed record SurveySubject(string About, DateTime? EndsAt, string? Problem);

/// <summary>Sends due surveys, reminds and closes them, every ten minutes.</summary>
[DisallowConcurrentExecution]
public sealed class SurveysJob(IServiceScopeFactory scopes, ILogger<SurveysJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("surveys");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new SendSurveysCommand(), ct);
}

/// <summary>What creating and changing a survey both give: its title, introduction, anonymity, days open, and questions in order.</summary>
public interface ISurveyDefinition
{
    string? Title { get; }
    string? Intro { get; }

    /// <summary>Required: a change that leaves it out must not make an anonymous survey a named one.</summary>
    bool? Anonymous { get; }
    int OpenDays { get; }
    IReadOnlyList<SurveyQuestionInput>? Questions { get; }
}

/// <summary>The rules of <see cref="ISurveyDefinition"/>, naming the field ("Questions[2].Text"); the domain checks the rest (options per kind).</summary>
public abstract class SurveyDefinitionValidator<T> : AbstractValidator<T>
    where T : ISurveyDefinition
{
    protected SurveyDefinitionValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Survey.TitleMax).SingleLine();
        RuleFor(x => x.Intro).MaximumLength(Survey.IntroMax);
        RuleFor(x => x.Anonymous).NotNull();
        RuleFor(x => x.OpenDays).InclusiveBetween(1, Survey.OpenDaysMax).WithMessage($"A survey stays open between 1 and {Survey.OpenDaysMax} days after it is sent.");
        RuleFor(x => x.Questions).Must(q => q is null || q.Count <= Survey.QuestionsMax).WithMessage($"A survey has at most {Survey.QuestionsMax} questions.");
        RuleForEach(x => x.Questions).NotNull().WithMessage("Give each question its kind and text.").ChildRules(q =>
        {
            q.RuleFor(x => x.Kind).NotNull().WithMessage("Choose rating, one choice, several choices or text.").IsInEnum();
            q.RuleFor(x => x.Text).NotEmpty().WithMessage("Give the question's text.").MaximumLength(SurveyQuestion.TextMax).SingleLine();
        });
    }

    internal static IReadOnlyList<SurveyQuestionDefinition> Definitions(T definition) =>
        (definition.Questions ?? []).Select(q => new SurveyQuestionDefinition(q.Kind!.Value, q.Text ?? "", q.Options, q.Required)).ToList();
}

internal static class SurveyRules
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<Survey> SurveyAsync(AppDbContext db, Guid missionId, Guid surveyId, CancellationToken ct) =>
        await db.Surveys.Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == surveyId && s.MissionId == missionId, ct)
        ?? throw new NotFoundException("Survey");

    /// <summary>Refuses an item or visit of another mission (or none at all), naming the field.</summary>
    public static async Task EnsureSubjectAsync(AppDbContext db, Guid missionId, Guid? programmeItemId, Guid? visitId, CancellationToken ct)
    {
        // B2B meetings and visit groups are asked about by the meeting outcomes and the visit's own survey.
        if (programmeItemId is { } item && !await db.ProgrammeItems.AnyAsync(i => i.Id == item && i.MissionId == missionId && i.MeetingId == null && i.VisitId == null, ct))
        {
            throw new DomainException("ProgrammeItemId", "No programme item of this mission has that id (for a visit's groups, ask about the visit).");
        }

        if (visitId is { } visit && !await db.Visits.AnyAsync(v => v.Id == visit && v.MissionId == missionId, ct))
        {
            throw new DomainException("VisitId", "No visit of this mission has that id.");
        }
    }

    /// <summary>
    /// What each survey asks about and when that ends: an item's end; a visit's last published group; the mission's
    /// last programme item not cancelled (or midnight after its last day when it has none).
    /// </summary>
    public static async Task<Dictionary<Guid, SurveySubject>> SubjectsAsync(AppDbContext db, Mission mission, IReadOnlyCollection<Survey> surveys, CancellationToken ct)
    {
        var itemIds = surveys.Where(s => s.ProgrammeItemId is not null).Select(s => s.ProgrammeItemId!.Value).ToList();
        var items = await db.ProgrammeItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.StartsAt, i.EndsAt, i.Cancelled }).ToDictionaryAsync(i => i.Id, ct);
        var visitIds = surveys.Where(s => s.VisitId is not null).Select(s => s.VisitId!.Value).ToList();
        var visits = await db.Visits.AsNoTracking().Where(v => visitIds.Contains(v.Id)).Select(v => new { v.Id, v.Title, v.Cancelled }).ToDictionaryAsync(v => v.Id, ct);
        var groupsEnd = await db.ProgrammeItems.AsNoTracking().Where(i => i.VisitId != null && visitIds.Contains(i.VisitId.Value) && !i.Cancelled)
            .GroupBy(i => i.VisitId!.Value).Select(g => new { g.Key, EndsAt = g.Max(i => i.EndsAt) }).ToDictionaryAsync(g => g.Key, g => g.EndsAt, ct);
        var missionEnds = surveys.Any(s => s.ProgrammeItemId is null && s.VisitId is null)
            ? await db.ProgrammeItems.AsNoTracking().Where(i => i.MissionId == mission.Id && !i.Cancelled).MaxAsync(i => (DateTime?)i.EndsAt, ct)
              ?? MissionTime.ToUtc(mission.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue), mission.TimeZone)
            : default;

        var subjects = new Dictionary<Guid, SurveySubject>();
        foreach (var s in surveys)
        {
            if (s.ProgrammeItemId is { } itemId)
            {
                var i = items[itemId];
                var about = $"'{i.Title}' ({MissionTime.ToLocal(i.StartsAt, mission.TimeZone).ToString("ddd d MMM HH:mm", English)})";
                subjects[s.Id] = i.Cancelled ? new SurveySubject(about, null, "The item is cancelled: the survey will not be sent.") : new SurveySubject(about, i.EndsAt, null);
            }
            else if (s.VisitId is { } visitId)
            {
                var v = visits[visitId];
                var about = $"the visit '{v.Title}'";
                subjects[s.Id] = v.Cancelled ? new SurveySubject(about, null, "The visit is cancelled: the survey will not be sent.")
                    : groupsEnd.TryGetValue(visitId, out var end) ? new SurveySubject(about, end, null)
                    : new SurveySubject(about, null, "The visit has no published group yet: the survey goes out once its last group has ended.");
            }
            else
            {
                subjects[s.Id] = new SurveySubject("the whole mission", missionEnds, null);
            }
        }

        return subjects;
    }

    public static SurveyView View(Survey s, SurveySubject subject, int asked, int answered) => new(
        s.Id, s.Title, s.Intro, s.Anonymous, s.OpenDays, s.Status, s.ProgrammeItemId, s.VisitId, subject.About,
        s.CanChange ? subject.EndsAt : null, s.CanChange ? subject.Problem : null, s.SentAt, s.ClosesAt, asked, answered,
        s.Questions.OrderBy(q => q.Position).Select(q => new SurveyQuestionView(q.Id, q.Position, q.Kind, q.Text, q.OptionList, q.Required)).ToList(),
        s.Version);

    /// <summary>Views of the given surveys with how many people were asked and answered, in the order given.</summary>
    public static async Task<IReadOnlyList<SurveyView>> ViewsAsync(AppDbContext db, Mission mission, IReadOnlyList<Survey> surveys, CancellationToken ct)
    {
        var ids = surveys.Select(s => s.Id).ToList();
        var counts = await db.SurveyRecipients.AsNoTracking().Where(r => ids.Contains(r.SurveyId))
            .GroupBy(r => r.SurveyId).Select(g => new { g.Key, Asked = g.Count(), Answered = g.Count(r => r.Answered) })
            .ToDictionaryAsync(g => g.Key, ct);
        var subjects = await SubjectsAsync(db, mission, surveys, ct);
        return surveys.Select(s => View(s, subjects[s.Id], counts.GetValueOrDefault(s.Id)?.Asked ?? 0, counts.GetValueOrDefault(s.Id)?.Answered ?? 0)).ToList();
    }
}
