using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Visits;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>Hosts and the visits they offer, the deadline for preferences, and the requests to hosts.</summary>
public sealed class VisitsModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<HostSummary> Hosts { get; private set; } = [];

    public IReadOnlyList<VisitSummary> Visits { get; private set; } = [];

    public VisitPlanView Plan { get; private set; } = null!;

    [BindProperty]
    public HostInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : MissionNotFound();

    public async Task<IActionResult> OnPostHostAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new CreateHostCommand(Input.Name, Input.ContactName, Input.ContactEmail, Input.ContactPhone) { MissionId = missionId });
        return ok ? Redirect($"/missions/{missionId}/visits") : await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid missionId, DateTime? preferencesDeadline, int visitsPerParticipant)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new SetVisitSettingsCommand(preferencesDeadline, visitsPerParticipant) { MissionId = missionId }, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = "Settings saved.";
        }

        return ok ? Redirect($"/missions/{missionId}/visits") : await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    /// <summary>Emails every host with visits (or one host) its personal link.</summary>
    public async Task<IActionResult> OnPostRequestsAsync(Guid missionId, Guid? hostId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, sent) = await TrySendAsync(new SendHostRequestsCommand(missionId, hostId), besideFields: false);
        if (ok)
        {
            TempData["Notice"] = sent == 1 ? "The request is on its way to the host." : $"Requests are on their way to {sent} hosts.";
        }

        return ok ? Redirect($"/missions/{missionId}/visits") : await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Hosts = await Mediator.Send(new ListHostsQuery(missionId), HttpContext.RequestAborted);
        Visits = await Mediator.Send(new ListVisitsQuery(missionId), HttpContext.RequestAborted);
        Plan = await Mediator.Send(new GetVisitPlanQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class HostInput
    {
        public string Name { get; set; } = "";
        public string ContactName { get; set; } = "";
        public string ContactEmail { get; set; } = "";
        public string? ContactPhone { get; set; }
    }
}
