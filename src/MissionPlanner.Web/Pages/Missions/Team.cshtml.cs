using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Team;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class TeamModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public TeamInput Input { get; set; } = new();

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    public bool IsOwner => Mission.Role == MissionRoleKind.Owner;

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new SetTeamRoleCommand(Input.Email ?? "", Input.Role) { MissionId = missionId });
        return ok ? Redirect($"/missions/{missionId}/team") : await ReloadAsync(missionId);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid missionId, Guid organiserId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new RemoveTeamMemberCommand(missionId, organiserId), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/team") : await ReloadAsync(missionId);
    }

    private async Task<IActionResult> ReloadAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        Members = await Mediator.Send(new ListTeamQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class TeamInput
    {
        public string? Email { get; set; }
        public MissionRoleKind Role { get; set; } = MissionRoleKind.Organiser;
    }
}
