using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Organisers;

namespace MissionPlanner.Web.Pages.Account;

public sealed class LinkModel(IMediator mediator, TimeProvider clock) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var organiser = string.IsNullOrEmpty(Token) ? null : await Mediator.Send(new RedeemSignInLinkCommand(Token), HttpContext.RequestAborted);
        if (organiser is null)
        {
            ModelState.AddModelError("", "This link is not valid: it may have expired or been used already. Ask for a new one.");
            return Page();
        }

        await SignInModel.SignInAsync(HttpContext, organiser, clock);
        return LocalRedirect("/");
    }
}
