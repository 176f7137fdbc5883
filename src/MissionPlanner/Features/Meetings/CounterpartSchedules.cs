using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Itinerary;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// A counterpart's schedule: their published B2B meetings as itinerary items, worded from their side
/// (whom they meet, at which table), at the times last published. Shared by their page, PDF and calendar.
/// </summary>
internal static class CounterpartSchedules
{
    public static async Task<ItineraryView> ViewAsync(AppDbContext db, Mission mission, Counterpart counterpart, string? calendarUrl, CancellationToken ct) =>
        new(mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate), mission.TimeZoneId,
            counterpart.Name, RegistrationStatus.Confirmed, await ItemsAsync(db, mission, counterpart.Id, ct), calendarUrl);

    public static async Task<IReadOnlyList<ItineraryItem>> ItemsAsync(AppDbContext db, Mission mission, Guid counterpartId, CancellationToken ct)
    {
        var rows = await (from m in db.Meetings.AsNoTracking().Include(x => x.Delegates)
                          join i in db.ProgrammeItems.AsNoTracking() on m.ProgrammeItemId equals i.Id
                          where m.CounterpartId == counterpartId && m.MissionId == mission.Id && !i.Cancelled
                          orderby i.StartsAt
                          select new { Meeting = m, Item = i, Venue = db.Venues.FirstOrDefault(v => v.Id == i.VenueId) }).ToListAsync(ct);
        var delegateIds = rows.SelectMany(r => r.Meeting.Delegates.Select(d => d.RegistrationId)).Distinct().ToList();
        var names = await db.Registrations.AsNoTracking().Where(r => delegateIds.Contains(r.Id) && r.ErasedAt == null)
            .ToDictionaryAsync(r => r.Id, r => r.Organisation.Length == 0 ? r.Name : $"{r.Name} ({r.Organisation})", ct);
        var sessions = await db.ProgrammeItems.AsNoTracking().Where(i => i.MissionId == mission.Id && i.Kind == ProgrammeItemKind.B2BMeetings)
            .ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        var zone = mission.TimeZone;
        return rows.Select(r =>
        {
            var with = string.Join(" and ", r.Meeting.Delegates.Select(d => names.GetValueOrDefault(d.RegistrationId)).OfType<string>().Order(StringComparer.CurrentCulture));
            var where = r.Meeting.SessionId is { } s && sessions.TryGetValue(s, out var session) ? $"Table {r.Meeting.Table}, {session}." : r.Meeting.Place;
            return new ItineraryItem(r.Item.Id, $"B2B meeting: {with}", ProgrammeItemKind.B2BMeeting, r.Item.StartsAt, r.Item.EndsAt,
                MissionTime.ToLocal(r.Item.StartsAt, zone), MissionTime.ToLocal(r.Item.EndsAt, zone), where,
                r.Venue?.Name, Blank(r.Venue?.Address), Blank(r.Venue?.City), r.Venue?.Latitude, r.Venue?.Longitude, null, null, false, r.Item.Sequence)
            {
                OccurrenceNote = MissionTime.OccurrenceNote(r.Item.StartsAt, r.Item.EndsAt, zone),
            };
        }).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
