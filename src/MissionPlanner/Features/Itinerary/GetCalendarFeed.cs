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
/// The participant's live calendar: their itinerary as iCalendar, found by their calendar-feed link
/// (<see cref="CalendarLinks"/>), which keeps working while the personal link is renewed. A wrong,
/// expired or revoked link, or an erased registration, is "not found".
/// </summary>
public sealed record GetCalendarFeedQuery(string Token) : IRequest<string>;

public sealed class GetCalendarFeedHandler(AppDbContext db, PersonalLinks links, TimeProvider clock)
    : IRequestHandler<GetCalendarFeedQuery, string>
{
    public async Task<string> Handle(GetCalendarFeedQuery request, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(LinkPurpose.CalendarFeed, request.Token, cancellationToken);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == link.SubjectId && r.ErasedAt == null, cancellationToken)
            ?? throw new NotFoundException("Calendar");
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        // Someone no longer confirmed keeps the events, cancelled, so their calendar clears itself.
        var items = await Itineraries.ForAsync(db, mission, registration, cancellationToken, evenIfNotConfirmed: true);
        var gone = registration.Status != RegistrationStatus.Confirmed;
        var revision = await Itineraries.RevisionAsync(db, registration.Id, cancellationToken);
        return ICalendar.Write(mission.Title, mission.TimeZone, items.Select(i => Itineraries.Event(i, gone, now, revision)).ToList());
    }
}
