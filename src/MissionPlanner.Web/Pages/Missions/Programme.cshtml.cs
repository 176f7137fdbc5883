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

    /// <summary>Published B2B meetings, shown on the B2B schedule page rather than here.</summary>
    public int B2BMeetings { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var items = await Mediator.Send(new ListProgrammeItemsQuery(missionId), HttpContext.RequestAborted);
        // One item per published B2B meeting: they are on the B2B schedule, not in the mission's programme.
        Items = items.Where(i => i.Kind != ProgrammeItemKind.B2BMeeting).ToList();
        B2BMeetings = items.Count(i => i.Kind == ProgrammeItemKind.B2BMeeting && !i.Cancelled);
        Warnings = await Mediator.Send(new GetProgrammeWarningsQuery(missionId), HttpContext.RequestAborted);
        return Page();
    }

    public IReadOnlyList<ProgrammeItemDto> ItemsOn(DateOnly day) =>
        Items.Where(i => DateOnly.FromDateTime(i.StartsAt.DateTime) == day).ToList();

    /// <summary>"SymposiumSession" → "Symposium session".</summary>
    public static string KindLabel(ProgrammeItemKind kind)
    {
        if (kind is ProgrammeItemKind.B2BMeetings or ProgrammeItemKind.B2BMeeting)
        {
            return kind == ProgrammeItemKind.B2BMeetings ? "B2B meetings" : "B2B meeting";
        }

        return Words(kind.ToString());
    }

    /// <summary>"AgreementInPreparation" → "Agreement in preparation".</summary>
    public static string Words(string pascal)
    {
        var words = WordStarts().Replace(pascal, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStarts();
}
