using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Venues;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class VenuesModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<VenueDto> Venues { get; private set; } = [];

    public IReadOnlyList<TravelTimeDto> TravelTimes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : MissionNotFound();

    /// <summary>Minutes between two venues (either way); the programme warns when people would have too little time.</summary>
    public async Task<IActionResult> OnPostTravelTimeAsync(Guid missionId, Guid fromVenueId, Guid toVenueId, int? minutes)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new SetTravelTimeCommand(fromVenueId, toVenueId, minutes) { MissionId = missionId }, besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/venues") : await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        Venues = await Mediator.Send(new ListVenuesQuery(missionId), HttpContext.RequestAborted);
        TravelTimes = await Mediator.Send(new ListTravelTimesQuery(missionId), HttpContext.RequestAborted);
        return true;
    }
}
