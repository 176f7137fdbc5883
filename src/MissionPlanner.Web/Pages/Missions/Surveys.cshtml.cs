using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Surveys;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>The Surveys page: the mission's feedback surveys, where each stands and how many answered, and starting a new one.</summary>
public sealed class SurveysModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<SurveyView> Surveys { get; private set; } = [];

    public SurveySubjects Subjects { get; private set; } = new([], []);

    [BindProperty]
    public NewSurveyInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : MissionNotFound();

    public async Task<IActionResult> OnPostAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (item, visit) = SurveyAbout.Parse(Input.About);
        var (ok, id) = await TrySendAsync(new CreateSurveyCommand(Input.Title, null, Input.Anonymous, ProgrammeItemId: item, VisitId: visit) { MissionId = missionId });
        if (ok)
        {
            TempData["Notice"] = "Survey created: add its questions, then schedule it.";
            return Redirect($"/missions/{missionId}/surveys/{id}");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Surveys = await Mediator.Send(new ListSurveysQuery(missionId), HttpContext.RequestAborted);
        Subjects = await Mediator.Send(new ListSurveySubjectsQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class NewSurveyInput
    {
        public string? Title { get; set; }

        /// <summary>"" (the whole mission), "item:{id}" or "visit:{id}".</summary>
        public string? About { get; set; }

        public bool Anonymous { get; set; } = true;
    }
}

/// <summary>The builder's "About" choice: "" for the whole mission, "item:{id}" or "visit:{id}".</summary>
public static class SurveyAbout
{
    public static (Guid? Item, Guid? Visit) Parse(string? about) => about?.Split(':', 2) switch
    {
        ["item", var id] when Guid.TryParse(id, out var item) => (item, null),
        ["visit", var id] when Guid.TryParse(id, out var visit) => (null, visit),
        _ => (null, null),
    };

    public static string Format(Guid? item, Guid? visit) => item is { } i ? $"item:{i}" : visit is { } v ? $"visit:{v}" : "";
}
