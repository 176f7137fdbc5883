using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class DirectoryModel(IMediator mediator) : AppPageModel(mediator)
{
    public DirectoryPartial Directory { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid missionId, Sector? sector, string? topic, string? country, string? organisation, string? search)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var filter = new DirectoryFilter(sector, topic, country, organisation, search);
        Directory = new DirectoryPartial(await Mediator.Send(new GetDirectoryQuery(missionId, filter), HttpContext.RequestAborted), filter, ShowKind: true);
        return Page();
    }
}
