using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Organisers;
using MissionPlanner.Web.Auth;

namespace MissionPlanner.Web.Pages.Account;

public sealed class SignInModel(IMediator mediator, TimeProvider clock) : AppPageModel(mediator)
{
    [BindProperty]
    public string? Link { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public bool LinkRequested { get; private set; }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        ModelState.Clear();
        try
        {
            await Mediator.Send(new RequestSignInLinkCommand(Email ?? ""), HttpContext.RequestAborted);
            LinkRequested = true;
        }
        catch (FluentValidation.ValidationException ex)
        {
            ModelState.AddModelError(nameof(Email), ex.Errors.First().ErrorMessage);
        }

        return Page();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        var token = ExtractToken(Link);
        var organiser = token is null ? null : await Mediator.Send(new RedeemSignInLinkCommand(token), HttpContext.RequestAborted);
        if (organiser is null)
        {
            ModelState.AddModelError(nameof(Link), "This link is not valid: it may have expired or been used already. Ask for a new one.");
            return Page();
        }

        await SignInAsync(HttpContext, organiser, clock);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    internal static Task SignInAsync(HttpContext context, SignedInOrganiser organiser, TimeProvider clock) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AuthSetup.Principal(organiser, CookieAuthenticationDefaults.AuthenticationScheme, clock.GetUtcNow()),
            new AuthenticationProperties { IsPersistent = false });

    private static string? ExtractToken(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var text = link.Trim();
        var at = text.IndexOf("token=", StringComparison.Ordinal);
        return at >= 0 ? Uri.UnescapeDataString(text[(at + 6)..].Split('&')[0]) : text;
    }
}
