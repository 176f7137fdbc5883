using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>A delegate's B2B page (/r/…/meetings): counterparts who agreed to be listed, asking them to meet, and answering requests.</summary>
public sealed class MeetingsModel(IMediator mediator) : MeetingPageModel(mediator)
{
    public DirectoryPartial Directory { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, Sector? sector, string? topic, string? country, string? organisation, string? search)
    {
        var filter = new DirectoryFilter(sector, topic, country, organisation, search);
        if (!await LoadMeetingsAsync(token, filter))
        {
            return NotFound();
        }

        Directory = new DirectoryPartial(Meetings.Directory, filter, ShowKind: false, CanAsk);
        return Page();
    }

    protected override string Back(string token) => $"/r/{token}/meetings";

    protected override async Task<bool> LoadPageAsync(string token)
    {
        if (!await LoadMeetingsAsync(token, new DirectoryFilter()))
        {
            return false;
        }

        Directory = new DirectoryPartial(Meetings.Directory, new DirectoryFilter(), ShowKind: false, CanAsk);
        return true;
    }
}
