using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Itinerary;

/// <summary>
/// The participant's live calendar: their itinerary as iCalendar, found by a calendar link that
/// keeps working while the personal link is renewed. A wrong link is "not found".
/// </summary>
public sealed record GetCalendarFeedQuery(string Token) : IRequest<string>;

public sealed class GetCalendarFeedHandler(AppDbContext db, CalendarLinks calendar, TimeProvider clock)
    : IRequestHandler<GetCalendarFeedQuery, string>
{
    public async Task<string> Handle(GetCalendarFeedQuery request, CancellationToken cancellationToken)
    {
        var id = calendar.Verify(request.Token) ?? throw new NotFoundException("Calendar");
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ErasedAt == null, cancellationToken)
            ?? throw new NotFoundException("Calendar");
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now > mission.LinksExpireAt)
        {
            throw new NotFoundException("Calendar");
        }

        // Someone no longer confirmed keeps the events, cancelled, so their calendar clears itself.
        var items = await Itineraries.ForAsync(db, mission, registration, cancellationToken, evenIfNotConfirmed: true);
        var gone = registration.Status != RegistrationStatus.Confirmed;
        return ICalendar.Write(mission.Title, mission.TimeZone, items.Select(i => Itineraries.Event(i, gone, now)).ToList());
    }
}
