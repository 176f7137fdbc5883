using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Missions;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class CreateModel(IMediator mediator, TimeProvider clock) : AppPageModel(mediator)
{
    [BindProperty]
    public MissionInput Input { get; set; } = new();

    public void OnGet()
    {
        var start = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(60);
        Input.StartDate = start;
        Input.EndDate = start.AddDays(3);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, id) = await TrySendAsync(new CreateMissionCommand(Input.Title, Input.Summary, Input.HostCountry,
            Input.HostCity, Input.TimeZoneId, Input.StartDate, Input.EndDate));
        return ok ? Redirect($"/missions/{id}") : Page();
    }
}
