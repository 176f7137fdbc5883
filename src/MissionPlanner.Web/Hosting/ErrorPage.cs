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

    public static Task WriteAsync(HttpContext ctx, int status, string title, string? detail, string? advice, CancellationToken ct)
    {
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
