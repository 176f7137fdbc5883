using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Ceremonies;
using MissionPlanner.Features.Programme;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>The mission's signing ceremonies, and making one of a signing-ceremony programme item.</summary>
public sealed class CeremoniesModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<CeremonySummary> Ceremonies { get; private set; } = [];

    public IReadOnlyList<ProgrammeItemDto> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : MissionNotFound();

    public async Task<IActionResult> OnPostAsync(Guid missionId, Guid programmeItemId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, id) = await TrySendAsync(new CreateCeremonyCommand(missionId, programmeItemId), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/ceremonies/{id}") : await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Ceremonies = await Mediator.Send(new ListCeremoniesQuery(missionId), HttpContext.RequestAborted);
        var taken = Ceremonies.Select(c => c.ProgrammeItemId).ToHashSet();
        Candidates = (await Mediator.Send(new ListProgrammeItemsQuery(missionId), HttpContext.RequestAborted))
            .Where(i => i.Kind == ProgrammeItemKind.SigningCeremony && !taken.Contains(i.Id)).ToList();
        return true;
    }
}
