using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Itinerary;

/// <summary>
/// A live calendar (iCalendar, RFC 5545) found by its calendar-feed link (<see cref="CalendarLinks"/>), which keeps
/// working while the personal link is renewed: a participant's itinerary, or a B2B counterpart's published meetings.
/// A wrong, expired or revoked link, an erased registration or a removed counterpart is "not found".
/// </summary>
public sealed record GetCalendarFeedQuery(string Token) : IRequest<string>;

public sealed class GetCalendarFeedHandler(AppDbContext db, PersonalLinks links, TimeProvider clock)
    : IRequestHandler<GetCalendarFeedQuery, string>
{
    public async Task<string> Handle(GetCalendarFeedQuery request, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(LinkPurpose.CalendarFeed, request.Token, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == link.MissionId, cancellationToken);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == link.SubjectId && r.ErasedAt == null, cancellationToken);
        if (registration is null)
        {
            var counterpart = await db.Counterparts.AsNoTracking().AnyAsync(c => c.Id == link.SubjectId && c.RemovedAt == null, cancellationToken)
                ? link.SubjectId : throw new NotFoundException("Calendar");
            var meetings = await Meetings.CounterpartSchedules.ItemsAsync(db, mission, counterpart, cancellationToken);
            return ICalendar.Write(mission.Title, mission.TimeZone, meetings.Select(i => Itineraries.Event(i, false, now, 0)).ToList());
        }

        // Someone no longer confirmed keeps the events, cancelled, so their calendar clears itself.
        var items = await Itineraries.WithTravelAsync(db, mission, registration,
            await Itineraries.ForAsync(db, mission, registration, cancellationToken, evenIfNotConfirmed: true), cancellationToken);
        var gone = registration.Status != RegistrationStatus.Confirmed;
        var revision = await Itineraries.RevisionAsync(db, registration.Id, cancellationToken);
        return ICalendar.Write(mission.Title, mission.TimeZone, items.Select(i => Itineraries.Event(i, gone, now, revision)).ToList());
    }
}
