using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>A delegate's B2B page (/r/…/meetings): counterparts who agreed to be listed, asking them to meet, and answering requests.</summary>
public sealed class MeetingsModel(IMediator mediator) : MeetingPageModel(mediator)
{
    public DirectoryPartial Directory { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, Sector? sector, string? topic, string? country, string? organisation, string? search) =>
        await LoadAsync(token, new DirectoryFilter(sector, topic, country, organisation, search)) ? Page() : NotFound();

    protected override string Back(string token) => $"/r/{token}/meetings";

    protected override Task<bool> LoadPageAsync(string token) => LoadAsync(token, new DirectoryFilter());

    private async Task<bool> LoadAsync(string token, DirectoryFilter filter)
    {
        if (!await LoadMeetingsAsync(token, filter))
        {
            return false;
        }

        Directory = new DirectoryPartial(Meetings.Directory, filter, ShowKind: false, CanAsk(Meetings.Directory), Interests);
        return true;
    }
}
