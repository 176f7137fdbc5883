using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Invitations;

namespace MissionPlanner.Web.Pages.Invite;

/// <summary>The page behind a personal invitation link; anyone holding the link may answer, nobody else learns it exists.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class RespondModel(IMediator mediator) : AppPageModel(mediator)
{
    public InvitationView Invitation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, bool accept)
    {
        try
        {
            await Mediator.Send(new RespondToInvitationCommand(token, accept), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return await LoadAsync(token) ? Page() : NotFound();
        }

        return Redirect($"/i/{Uri.EscapeDataString(token)}");
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Invitation = await Mediator.Send(new GetInvitationByTokenQuery(token), HttpContext.RequestAborted);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
