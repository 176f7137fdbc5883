using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
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

    public MissionAtAGlance Glance { get; private set; } = null!;

    /// <summary>What waits for the organisers, each with the page where it is dealt with; empty when nothing does.</summary>
    public IReadOnlyList<(string Text, string Link)> Attention { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        await LoadGlanceAsync(missionId);
        return Page();
    }

    private async Task LoadGlanceAsync(Guid missionId)
    {
        var g = Glance = await Mediator.Send(new GetMissionAtAGlanceQuery(missionId), HttpContext.RequestAborted);
        var at = $"/missions/{missionId}";
        var items = new List<(string, string)>();
        void Add(int count, string text, string link)
        {
            if (count > 0)
            {
                items.Add((text, link));
            }
        }

        Add(g.AwaitingApproval, $"{Counted.Of(g.AwaitingApproval, "registration")} {(g.AwaitingApproval == 1 ? "awaits" : "await")} your approval",
            $"{at}/delegation?status=Pending");
        Add(g.EmailsFailed, $"{Counted.Of(g.EmailsFailed, "email")} could not be delivered", $"{at}/outbox?status=Failed");
        Add(g.VisitsChangedByHost, $"{Counted.Of(g.VisitsChangedByHost, "visit")}: the host proposed a change or declined", $"{at}/visits");
        Add(g.VisitsAwaitingHost, $"{Counted.Of(g.VisitsAwaitingHost, "visit")} not yet confirmed by the host", $"{at}/visits");
        Add(g.CeremonyPeopleDeclined, $"{Counted.People(g.CeremonyPeopleDeclined)} declined to attend a ceremony", $"{at}/ceremonies");
        Add(g.CeremonyPeopleNotAsked, $"{Counted.People(g.CeremonyPeopleNotAsked)} not yet asked to confirm for a ceremony", $"{at}/ceremonies");
        Add(g.CeremonyPeopleUnanswered, $"{Counted.People(g.CeremonyPeopleUnanswered)} not yet confirmed for a ceremony", $"{at}/ceremonies");
        Attention = items;
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid missionId, MissionStatus status)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new ChangeMissionStatusCommand(status) { MissionId = missionId });
        if (!ok)
        {
            await LoadGlanceAsync(missionId);
            return Page();
        }

        return Redirect($"/missions/{missionId}");
    }
}
