using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Missions;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class OverviewModel(IMediator mediator) : AppPageModel(mediator)
{
    public IEnumerable<MissionStatus> NextStatuses => Mission.Status switch
    {
        MissionStatus.Draft => [MissionStatus.Open],
        MissionStatus.Open => [MissionStatus.Closed],
        MissionStatus.Closed => [MissionStatus.Open, MissionStatus.Completed],
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(Guid missionId) =>
        await LoadMissionAsync(missionId) ? Page() : MissionNotFound();

    public async Task<IActionResult> OnPostStatusAsync(Guid missionId, MissionStatus status)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new ChangeMissionStatusCommand(status) { MissionId = missionId });
        if (!ok)
        {
            return Page();
        }

        return Redirect($"/missions/{missionId}");
    }
}
