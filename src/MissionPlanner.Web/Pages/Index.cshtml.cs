using MediatR;
using MissionPlanner.Features.Missions;

namespace MissionPlanner.Web.Pages;

public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<MissionSummary> Missions { get; private set; } = [];

    public async Task OnGetAsync() => Missions = await Mediator.Send(new ListMissionsQuery(), HttpContext.RequestAborted);
}
