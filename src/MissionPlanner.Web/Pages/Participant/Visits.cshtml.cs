using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Visits;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>The participant ranks the lab tours and company visits they want, behind their personal link.</summary>
public sealed class VisitsModel(IMediator mediator) : AppPageModel(mediator)
{
    public MyVisitChoices Choices { get; private set; } = null!;

    public string Token { get; private set; } = "";

    /// <summary>The rank chosen per visit in the form (empty: not wanted).</summary>
    [BindProperty]
    public Dictionary<Guid, int?> Ranks { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var chosen = Ranks.Where(r => r.Value is not null).ToList();
        foreach (var clash in chosen.GroupBy(r => r.Value).Where(g => g.Count() > 1))
        {
            var titles = Choices.Visits.Where(v => clash.Any(c => c.Key == v.Id)).Select(v => v.Title);
            ModelState.AddModelError("", $"You gave rank {clash.Key} to more than one visit ({string.Join(", ", titles)}); give each visit its own rank.");
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var (ok, _) = await TrySendAsync(new SetMyVisitPreferencesCommand(token, chosen.OrderBy(r => r.Value).Select(r => r.Key).ToList()), besideFields: false);
        if (!ok)
        {
            return Page();
        }

        TempData["Notice"] = chosen.Count == 0 ? "Saved: no visits wanted." : $"Saved: {chosen.Count} visit(s) ranked.";
        return Redirect($"/r/{token}/visits");
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Choices = await Mediator.Send(new GetMyVisitChoicesQuery(token), HttpContext.RequestAborted);
            Token = token;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
