using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Programme;

namespace MissionPlanner.Web.Pages.Missions;

public sealed partial class ProgrammeModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<ProgrammeItemDto> Items { get; private set; } = [];

    public IReadOnlyList<ProgrammeWarning> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        Items = await Mediator.Send(new ListProgrammeItemsQuery(missionId), HttpContext.RequestAborted);
        Warnings = await Mediator.Send(new GetProgrammeWarningsQuery(missionId), HttpContext.RequestAborted);
        return Page();
    }

    public IReadOnlyList<ProgrammeItemDto> ItemsOn(DateOnly day) =>
        Items.Where(i => DateOnly.FromDateTime(i.StartsAt.DateTime) == day).ToList();

    /// <summary>"SymposiumSession" → "Symposium session".</summary>
    public static string KindLabel(ProgrammeItemKind kind)
    {
        var words = Words().Replace(kind.ToString(), " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
