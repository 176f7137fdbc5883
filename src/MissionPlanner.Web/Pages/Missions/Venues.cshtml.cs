using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Venues;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class VenuesModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<VenueDto> Venues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        Venues = await Mediator.Send(new ListVenuesQuery(missionId), HttpContext.RequestAborted);
        return Page();
    }
}
