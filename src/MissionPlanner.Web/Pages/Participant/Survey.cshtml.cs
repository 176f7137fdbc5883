using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Surveys;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>
/// One survey to answer on a phone, behind the participant's personal link (/r/…/surveys/{id}): every problem is shown
/// beside its question at once; a closed survey or a second answer is said plainly, and nothing is saved.
/// </summary>
public sealed class SurveyModel(IMediator mediator) : AppPageModel(mediator)
{
    public MySurveyView Survey { get; private set; } = null!;

    public string Token { get; private set; } = "";

    /// <summary>Question id → the rating, option(s) or text given.</summary>
    [BindProperty]
    public Dictionary<Guid, List<string>> Answers { get; set; } = [];

    public IReadOnlyList<string> AnswerTo(Guid questionId) => Answers.GetValueOrDefault(questionId) ?? [];

    public async Task<IActionResult> OnGetAsync(string token, Guid surveyId) => await LoadAsync(token, surveyId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, Guid surveyId)
    {
        if (!await LoadAsync(token, surveyId))
        {
            return NotFound();
        }

        // An empty form binds no answers, and the dictionary binder reports that as a key it could not read: the command
        // checks every answer itself (and says "Answer at least one question"), so binding messages are not shown.
        ModelState.Clear();
        var given = Answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value);
        var (ok, _) = await TrySendAsync(new AnswerSurveyCommand(token, surveyId, given), prefix: "");
        if (!ok)
        {
            // "Answers[…]" errors go beside their question; "Survey" (closed, answered already) and "Answers" (nothing given) at the top.
            foreach (var key in new[] { "Survey", "Answers" }.Where(k => ModelState.ContainsKey(k)))
            {
                foreach (var error in ModelState[key]!.Errors.ToList())
                {
                    ModelState.AddModelError("", error.ErrorMessage);
                }

                ModelState.Remove(key);
            }

            return Page();
        }

        TempData["Notice"] = $"Thank you: your answers to \"{Survey.Title}\" are saved.";
        return Redirect($"/r/{token}/surveys");
    }

    private async Task<bool> LoadAsync(string token, Guid surveyId)
    {
        try
        {
            Survey = await Mediator.Send(new GetMySurveyQuery(token, surveyId), HttpContext.RequestAborted);
            Token = token;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
