using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Missions;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class EditModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public MissionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        Input = new MissionInput
        {
            Title = Mission.Title,
            Summary = Mission.Summary,
            HostCountry = Mission.HostCountry,
            HostCity = Mission.HostCity,
            TimeZoneId = Mission.TimeZoneId,
            StartDate = Mission.StartDate,
            EndDate = Mission.EndDate,
            Version = Mission.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new UpdateMissionCommand(Input.Title, Input.Summary, Input.HostCountry,
            Input.HostCity, Input.TimeZoneId, Input.StartDate, Input.EndDate, Input.Version)
        { MissionId = missionId });
        return ok ? Redirect($"/missions/{missionId}") : Page();
    }
}
