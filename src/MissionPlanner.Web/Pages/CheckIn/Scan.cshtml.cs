using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.CheckIn;

namespace MissionPlanner.Web.Pages.CheckIn;

/// <summary>
/// Where a badge's QR code leads: an organiser of the mission, signed in on their phone, sees whose
/// badge it is and marks them present at the item happening now (or another one).
/// </summary>
public sealed class ScanModel(IMediator mediator) : AppPageModel(mediator)
{
    public BadgeHolder Holder { get; private set; } = null!;

    public CheckInResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, Guid itemId)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var (ok, result) = await TrySendAsync(new CheckInCommand(Mission.Id, itemId, token), besideFields: false);
        if (ok)
        {
            Result = result;
            await LoadAsync(token);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            var missionId = await Mediator.Send(new ResolveBadgeQuery(token), HttpContext.RequestAborted);
            if (!await LoadMissionAsync(missionId))
            {
                return false;
            }

            Holder = await Mediator.Send(new GetBadgeHolderQuery(missionId, token), HttpContext.RequestAborted);
            return true;
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenException)
        {
            return false;
        }
    }
}
