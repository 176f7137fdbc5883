using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Ceremonies;

namespace MissionPlanner.Web.Pages.Ceremony;

/// <summary>A signatory's or dignitary's page: the ceremony, their part, and their answer.</summary>
public sealed class ConfirmModel(IMediator mediator) : AppPageModel(mediator)
{
    public CeremonyInvitation Invitation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, bool attending)
    {
        try
        {
            await Mediator.Send(new RespondToCeremonyCommand(token, attending), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        TempData["Notice"] = attending ? "Thank you: your attendance is confirmed." : "Thank you: the organisers are told that you cannot attend.";
        return Redirect($"/s/{token}");
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Invitation = await Mediator.Send(new GetCeremonyInvitationQuery(token), HttpContext.RequestAborted);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
