using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Pages.Invite;

/// <summary>The page behind a personal invitation link: register or decline. A wrong link is simply "not found".</summary>
public sealed class RespondModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public InvitationView Invitation { get; private set; } = null!;

    public RegisterResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var (ok, result) = await TrySendAsync(new RegisterByInvitationCommand(token, Input.ToDetails()));
        if (ok)
        {
            Result = result;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeclineAsync(string token)
    {
        try
        {
            await Mediator.Send(new DeclineInvitationCommand(token), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return Redirect($"/i/{Uri.EscapeDataString(token)}");
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Invitation = await Mediator.Send(new GetInvitationByTokenQuery(token), HttpContext.RequestAborted);
            Input.Form = await Mediator.Send(new GetRegistrationFormQuery(Invitation.MissionId), HttpContext.RequestAborted);
            if (string.IsNullOrEmpty(Input.Name))
            {
                Input.Name = Invitation.Name;
            }

            if (string.IsNullOrEmpty(Input.Organisation))
            {
                Input.Organisation = Invitation.Organisation ?? "";
            }

            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
