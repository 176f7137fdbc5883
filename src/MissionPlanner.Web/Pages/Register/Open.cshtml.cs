using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Pages.Register;

/// <summary>
/// The public registration page of a mission whose registration is open or subject to approval.
/// Whatever the outcome, the page says the same ("your link is in your email"), so it never tells
/// whether an address is registered. An invitation-only mission has no such page (404).
/// </summary>
public sealed class OpenModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public PublicMissionView Public { get; private set; } = null!;

    public string? SentTo { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid missionId)
    {
        if (!await LoadAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new RegisterOpenCommand(missionId, Input.Email ?? "", Input.ToDetails()));
        if (ok)
        {
            SentTo = Input.Email?.Trim();
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        try
        {
            Public = await Mediator.Send(new GetPublicMissionQuery(missionId), HttpContext.RequestAborted);
            Input.Form = await Mediator.Send(new GetRegistrationFormQuery(missionId), HttpContext.RequestAborted);
            ViewData["AskEmail"] = true;
            return Input.Form.Mode != RegistrationMode.InvitationOnly;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
