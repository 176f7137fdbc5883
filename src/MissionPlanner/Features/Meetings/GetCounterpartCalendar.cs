using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// A counterpart's live calendar (iCalendar, RFC 5545): their published meetings, found by their
/// personal link (/m/{token}/calendar.ics). A removed counterpart's link is "not found".
/// </summary>
public sealed record GetCounterpartCalendarQuery(string Token) : IRequest<string>;

public sealed class GetCounterpartCalendarHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<GetCounterpartCalendarQuery, string>
{
    public async Task<string> Handle(GetCounterpartCalendarQuery request, CancellationToken cancellationToken)
    {
        var counterpart = await Counterparts.ByLinkAsync(db, links, request.Token, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == counterpart.MissionId, cancellationToken);
        var items = await CounterpartSchedules.ItemsAsync(db, mission, counterpart.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return ICalendar.Write(mission.Title, mission.TimeZone, items.Select(i => Itineraries.Event(i, false, now, 0)).ToList());
    }
}
