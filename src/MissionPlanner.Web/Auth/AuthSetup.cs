using System.Security.Claims;
using System.Text.Encodings.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Features.Organisers;

namespace MissionPlanner.Web.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>A web session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>A web session ends this long after sign-in, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in attempts (POSTs) allowed per client address and minute; more get 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Requests allowed per personal link (/r/…, /i/…, …) and minute, from anywhere; more get 429 (<see cref="PersonalLinkLimits"/>).</summary>
    public int PersonalLinkRequestsPerMinute { get; set; } = 60;

    /// <summary>Personal links that do not exist (guesses) an address may ask for per minute; then every link answers it 429 until the minute ends.</summary>
    public int PersonalLinkMissesPerMinute { get; set; } = 20;

    /// <summary>Registrations per minute and client address on the public registration page and API.</summary>
    public int PublicRegistrationsPerMinute { get; set; } = 20;

}

public static class AuthSetup
{
    public const string Smart = "smart";
    public const string Bearer = "Bearer";
    public const string SignedInAtClaim = "mp:signed_in_at";

    public static IServiceCollection AddOrganiserAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? Bearer
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/signin";
                o.Cookie.Name = "mp.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = RejectPastAbsoluteTimeout,
                    // The API answers with status codes, never with a redirect to a sign-in page.
                    OnRedirectToLogin = ctx => ApiStatusOrRedirect(ctx, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = ctx => ApiStatusOrRedirect(ctx, StatusCodes.Status403Forbidden),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(Bearer, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => cookie.ExpireTimeSpan = auth.Value.IdleTimeout);
        services.AddAuthorization();
        return services;
    }

    public static ClaimsPrincipal Principal(SignedInOrganiser organiser, string scheme, DateTimeOffset signedInAt) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, organiser.OrganiserId.ToString()),
            new Claim(ClaimTypes.Name, organiser.DisplayName),
            new Claim(ClaimTypes.Email, organiser.Email),
            new Claim(SignedInAtClaim, signedInAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], scheme));

    /// <summary>Tells the request pipeline who is calling, for the authorisation behaviour.</summary>
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true &&
            Guid.TryParse(ctx.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            ctx.RequestServices.GetRequiredService<CurrentUser>().SignedIn(id);
        }

        await next();
    });

    private static async Task RejectPastAbsoluteTimeout(CookieValidatePrincipalContext ctx)
    {
        var options = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var signedIn = ctx.Principal?.FindFirstValue(SignedInAtClaim);
        if (!long.TryParse(signedIn, out var seconds) ||
            clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > options.AbsoluteTimeout)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Authenticates "Authorization: Bearer mp_…" against the hashed API tokens.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var organiser = await mediator.Send(new AuthenticateApiTokenQuery(header["Bearer ".Length..].Trim()), Context.RequestAborted);
        return organiser is null
            ? AuthenticateResult.Fail("Unknown or revoked token.")
            : AuthenticateResult.Success(new AuthenticationTicket(
                AuthSetup.Principal(organiser, Scheme.Name, TimeProvider.GetUtcNow()), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
