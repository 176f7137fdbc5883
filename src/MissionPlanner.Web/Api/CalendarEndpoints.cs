using MediatR;
using MissionPlanner.Features.Itinerary;

namespace MissionPlanner.Web.Api;

public static class CalendarEndpoints
{
    /// <summary>
    /// A participant's (or a B2B counterpart's) live calendar (iCalendar), for calendar apps to subscribe to. Anonymous: the
    /// link is the credential; a wrong one is 404. Never cached by proxies: it is personal.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/c/{token}", async (string token, IMediator m, HttpContext http, CancellationToken ct) =>
        {
            var ics = await m.Send(new GetCalendarFeedQuery(token), ct);
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous().WithTags("Calendar");

        return app;
    }
}
