using System.Net;

namespace MissionPlanner.Web.Hosting;

/// <summary>
/// A page a person can read for an error met in a browser (not found, not allowed, too many requests, invalid input a
/// page did not catch): the status, what happened, and what to do. API clients, and anyone not asking for HTML, get
/// problem details instead.
/// </summary>
public static class ErrorPage
{
    /// <summary>A browser's request for a page: not the API, and HTML accepted.</summary>
    public static bool Wanted(HttpContext ctx) =>
        !ctx.Request.Path.StartsWithSegments("/api") && ctx.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>What to do about an error, by its status.</summary>
    public static string AdviceFor(int status) => status switch
    {
        404 => "Check the address, or ask the organisers for a new link.",
        403 => "Ask the mission's owner for the role you need.",
        409 => "Reload the page and make your change again.",
        429 => "Wait a minute, then reload this page.",
        503 => "Try again in a moment.",
        _ => "Go back and try again.",
    };

    /// <param name="advice">What to do; by default <see cref="AdviceFor"/> the status.</param>
    public static Task WriteAsync(HttpContext ctx, int status, string title, string? detail, string? advice, CancellationToken ct)
    {
        advice ??= AdviceFor(status);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{WebUtility.HtmlEncode(title)}</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"container\">"
            + $"<h1>{WebUtility.HtmlEncode(title)}</h1>"
            + (detail is null ? "" : $"<p>{WebUtility.HtmlEncode(detail)}</p>")
            + (advice is null ? "" : $"<p>{WebUtility.HtmlEncode(advice)}</p>")
            + "<p><a href=\"/\">MissionPlanner home</a></p></main></body></html>", ct);
    }
}
