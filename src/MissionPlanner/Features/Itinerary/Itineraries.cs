using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Itinerary;

public sealed record ItineraryItem(
    Guid Id, string Title, ProgrammeItemKind Kind, DateTime StartsAtUtc, DateTime EndsAtUtc, DateTime StartsLocal, DateTime EndsLocal,
    string? Description, string? VenueName, string? VenueAddress, string? VenueCity, double? Latitude, double? Longitude,
    string? DressCode, string? Contact, bool Cancelled, int Sequence)
{
    /// <summary>When the start or end happens twice on the wall clock (the clocks go back): which one it is (<see cref="MissionTime.OccurrenceNote"/>).</summary>
    public string? OccurrenceNote { get; init; }

    /// <summary>For travel legs: "Coach · National Express · meet at: hotel lobby · seat or coach: Coach 2".</summary>
    public string? Travel { get; init; }

    /// <summary>A maps link for directions to the venue: by coordinates when known, else by address.</summary>
    public string? DirectionsUrl => Latitude is { } lat && Longitude is { } lon
        ? FormattableString.Invariant($"https://www.openstreetmap.org/directions?to={lat:0.######}%2C{lon:0.######}")
        : VenueAddress is { Length: > 0 } address
            ? $"https://www.openstreetmap.org/search?query={Uri.EscapeDataString($"{address}, {VenueCity}")}"
            : null;
}

public sealed record ItineraryView(
    string MissionTitle, string Where, string When, string TimeZoneId, string Name, RegistrationStatus Status, IReadOnlyList<ItineraryItem> Items,
    string? CalendarUrl);

internal static class Itineraries
{
    /// <param name="calendarUrl">The person's calendar feed (<see cref="PersonalLinks.CalendarUrlAsync"/>); empty when they have none that works.</param>
    public static async Task<ItineraryView> ViewAsync(AppDbContext db, Mission mission, Registration registration,
        string? calendarUrl, CancellationToken ct) =>
        new(mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate), mission.TimeZoneId,
            registration.Name, registration.Status, await WithTravelAsync(db, mission, registration, await ForAsync(db, mission, registration, ct), ct), calendarUrl);

    /// <summary>
    /// The programme items with the person's own arrival and departure (<see cref="Domain.Travel.TravelLeg"/>) among them, in
    /// time order: for the itinerary page, its PDF and the calendar feed. Each leg is a moment (start = end) at its airport
    /// or station, shown in the mission's time and, when the place keeps another zone, its local time too.
    /// </summary>
    public static async Task<IReadOnlyList<ItineraryItem>> WithTravelAsync(AppDbContext db, Mission mission, Registration person,
        IReadOnlyList<ItineraryItem> items, CancellationToken ct)
    {
        if (person.Status != RegistrationStatus.Confirmed)
        {
            return items;
        }

        var legs = await (from l in db.TravelLegs.AsNoTracking()
                          join h in db.TravelHubs on l.HubId equals h.Id
                          where l.RegistrationId == person.Id
                          select new { Leg = l, Hub = h }).ToListAsync(ct);
        var hotel = await HotelAsync(db, mission, person, ct);
        if (legs.Count == 0)
        {
            return hotel.Count == 0 ? items : items.Concat(hotel).OrderBy(i => i.StartsAtUtc).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
        }

        // Published transfers the person rides in: when the vehicle leaves (or reaches) the hub, and where to meet it.
        var rides = await (from p in db.TransferPassengers.AsNoTracking()
                           join r in db.TransferRuns on p.RunId equals r.Id
                           join s in db.TransferServices on r.ServiceId equals s.Id
                           join h in db.TravelHubs on s.HubId equals h.Id
                           where p.RegistrationId == person.Id && s.PublishedAt != null
                                 // Only while their journey still goes through that place that way.
                                 && db.TravelLegs.Any(l => l.RegistrationId == person.Id && l.HubId == s.HubId
                                                           && (s.Direction == Domain.Travel.TransferDirection.FromHub
                                                               ? l.Direction == Domain.Travel.LegDirection.Arrival
                                                               : l.Direction == Domain.Travel.LegDirection.Departure))
                           select new { Run = r, Service = s, Hub = h }).ToListAsync(ct);
        var transfers = rides.Select(x =>
        {
            var fromHub = x.Service.Direction == Domain.Travel.TransferDirection.FromHub;
            // The time passengers need: when the vehicle leaves the hub, or when it leaves the place for the hub.
            var at = fromHub ? x.Run.At : x.Run.At.AddMinutes(-x.Service.DriveMinutes);
            var local = MissionTime.ToLocal(at, mission.TimeZone);
            return new ItineraryItem(x.Run.Id, $"Transfer: {x.Service.Name}, vehicle {x.Run.Number}", ProgrammeItemKind.TravelLeg, at, x.Run.At, local,
                MissionTime.ToLocal(x.Run.At, mission.TimeZone),
                null, fromHub ? x.Hub.Label : x.Service.Place, null, null, null, null, null, null, false, x.Service.Version)
            {
                Travel = $"meet at: {x.Service.MeetingPoint} · {(fromHub ? "to" : "from")} {x.Service.Place}{(fromHub ? $" · leaves {x.Hub.Name}" : $" · reaches {x.Hub.Name}")}",
            };
        }).ToList();

        var zone = mission.TimeZone;
        var travel = legs.Select(x =>
        {
            var arrival = x.Leg.Direction == Domain.Travel.LegDirection.Arrival;
            var there = MissionTime.ToLocal(x.Leg.ScheduledAt, x.Hub.TimeZone);
            var local = MissionTime.ToLocal(x.Leg.ScheduledAt, zone);
            var mode = x.Leg.Mode.ToString().ToLowerInvariant();
            return new ItineraryItem(x.Leg.Id, $"{(arrival ? "You arrive" : "You leave")}: {mode} {x.Leg.Service}".TrimEnd() + $" {(arrival ? "at" : "from")} {x.Hub.Label}",
                ProgrammeItemKind.TravelLeg, x.Leg.ScheduledAt, x.Leg.ScheduledAt, local, local, null, x.Hub.Label, null, null, null, null, null, null, false,
                x.Leg.Version)
            {
                Travel = string.Join(" · ", new[]
                {
                    x.Leg.OtherEnd is { } other ? $"{(arrival ? "from" : "to")} {other}" : null,
                    x.Hub.TimeZoneId != mission.TimeZoneId ? $"{there:HH:mm} local time at {x.Hub.Name}" : null,
                }.Where(p => p is not null)) is { Length: > 0 } words ? words : null,
            };
        });
        return items.Concat(travel).Concat(transfers).Concat(hotel).OrderBy(i => i.StartsAtUtc).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The person's hotel as two moments: check-in (from the block's check-in time on their first night) and check-out
    /// (by its check-out time), with the address, the booking reference and who shares the room.
    /// </summary>
    private static async Task<List<ItineraryItem>> HotelAsync(AppDbContext db, Mission mission, Registration person, CancellationToken ct)
    {
        var stay = await (from x in db.RoomAssignments.AsNoTracking()
                          join b in db.RoomBlocks on x.BlockId equals b.Id
                          join v in db.Venues on b.HotelId equals v.Id
                          where x.RegistrationId == person.Id
                          select new { Assignment = x, Block = b, Hotel = v }).FirstOrDefaultAsync(ct);
        if (stay is null)
        {
            return [];
        }

        var a = stay.Assignment;
        var sharing = await (from o in db.RoomAssignments.AsNoTracking()
                             join r in db.Registrations on o.RegistrationId equals r.Id
                             where o.BlockId == a.BlockId && o.Room == a.Room && o.RegistrationId != person.Id && o.CheckIn < a.CheckOut && a.CheckIn < o.CheckOut
                                   && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null
                             select r.Name).ToListAsync(ct);
        var zone = mission.TimeZone;
        var details = string.Join(" · ", new[]
        {
            $"{stay.Block.RoomType.ToString().ToLowerInvariant()} room",
            sharing.Count > 0 ? $"sharing with {string.Join(", ", sharing)}" : null,
            stay.Block.BookingReference is { } reference ? $"booking reference {reference}" : null,
            $"{a.CheckOut.DayNumber - a.CheckIn.DayNumber} night(s)",
        }.Where(p => p is not null));
        ItineraryItem Moment(string title, DateOnly day, TimeOnly time, int salt)
        {
            var local = day.ToDateTime(time);
            var utc = MissionTime.ToUtc(local, zone);
            // A stable id per person and moment, so calendar clients update the event instead of adding another.
            var id = new Guid([.. a.Id.ToByteArray()[..15], (byte)salt]);
            return new ItineraryItem(id, title, ProgrammeItemKind.TravelLeg, utc, utc, local, local, null, stay.Hotel.Name, stay.Hotel.Address, stay.Hotel.City,
                stay.Hotel.Latitude, stay.Hotel.Longitude, null, null, false, stay.Block.Version)
            { Travel = details };
        }

        return
        [
            Moment($"Hotel check-in: {stay.Hotel.Name} (from {stay.Block.CheckInFrom:HH:mm})", a.CheckIn, stay.Block.CheckInFrom, 1),
            Moment($"Hotel check-out: {stay.Hotel.Name} (by {stay.Block.CheckOutBy:HH:mm})", a.CheckOut, stay.Block.CheckOutBy, 2),
        ];
    }

    private sealed record ItemAndVenue(ProgrammeItem Item, Venue? Venue);

    // Compiled: every itinerary page, calendar feed and confirmation email reads it.
    private static readonly PerModel<Func<AppDbContext, Guid, string, Guid, IAsyncEnumerable<ItemAndVenue>>> Items = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid missionId, string sector, Guid personId) =>
            db.ProgrammeItems.AsNoTracking()
                .Where(p => p.MissionId == missionId)
                .Where(p => p.Audience == Audience.Everyone
                            || p.Audience == Audience.Sectors && ("," + p.AudienceSectors + ",").Contains(sector)
                            || p.Audience == Audience.People && db.ProgrammeItemPeople.Any(x => x.ProgrammeItemId == p.Id && x.RegistrationId == personId))
                .OrderBy(p => p.StartsAt).ThenBy(p => p.Title)
                .Select(p => new ItemAndVenue(p, db.Venues.FirstOrDefault(v => v.Id == p.VenueId)))));

    public static async Task<IReadOnlyList<ItineraryItem>> ForAsync(AppDbContext db, Mission mission, Registration person,
        CancellationToken ct, bool evenIfNotConfirmed = false)
    {
        if (person.Status != RegistrationStatus.Confirmed && !evenIfNotConfirmed)
        {
            return [];
        }

        var rows = new List<ItemAndVenue>();
        await foreach (var row in Items.For(db)(db, mission.Id, "," + person.Sector + ",", person.Id).WithCancellation(ct))
        {
            rows.Add(row);
        }

        var zone = mission.TimeZone;
        return rows.Select(r => new ItineraryItem(r.Item.Id, r.Item.Title, r.Item.Kind, r.Item.StartsAt, r.Item.EndsAt,
            MissionTime.ToLocal(r.Item.StartsAt, zone), MissionTime.ToLocal(r.Item.EndsAt, zone), NullIfEmpty(r.Item.Description),
            r.Venue?.Name, NullIfEmpty(r.Venue?.Address), NullIfEmpty(r.Venue?.City), r.Venue?.Latitude, r.Venue?.Longitude,
            r.Item.DressCode, r.Item.Contact, r.Item.Cancelled, r.Item.Sequence)
        {
            Travel = r.Item.Kind != ProgrammeItemKind.TravelLeg ? null
                : string.Join(" · ", new[]
                {
                    r.Item.TravelMode?.ToString(), r.Item.Carrier, r.Item.MeetingPoint is { } meet ? $"meet at: {meet}" : null,
                    r.Item.SeatOrCoach is { } seat ? $"seat or coach: {seat}" : null,
                }.Where(p => p is not null)) is { Length: > 0 } travel ? travel : null,
            OccurrenceNote = MissionTime.OccurrenceNote(r.Item.StartsAt, r.Item.EndsAt, zone),
        }).ToList();
    }

    /// <summary>
    /// How often the person's registration has changed (its history's length): added to the SEQUENCE
    /// of every event in their calendars, so that leaving the programme and coming back moves it on
    /// each time and never back, as RFC 5545 (3.8.7.4) requires for one UID. It only grows: the
    /// history is appended to and never shortened, erasure included.
    /// </summary>
    public static async Task<int> RevisionAsync(AppDbContext db, Guid registrationId, CancellationToken ct) =>
        await db.RegistrationAudits.CountAsync(a => a.RegistrationId == registrationId, ct)
        // An email written in the transaction that changes the registration already counts that change.
        + db.ChangeTracker.Entries<RegistrationAudit>().Count(e => e.State == EntityState.Added && e.Entity.RegistrationId == registrationId);

    /// <param name="revision">The person's <see cref="RevisionAsync"/>.</param>
    public static CalendarEvent Event(ItineraryItem i, bool cancelAll, DateTime now, int revision)
    {
        var details = new List<string>();
        if (i.Travel is not null)
        {
            details.Add(i.Travel);
        }

        if (i.Description is not null)
        {
            details.Add(i.Description);
        }

        if (i.DressCode is not null)
        {
            details.Add($"Dress code: {i.DressCode}");
        }

        if (i.Contact is not null)
        {
            details.Add($"Contact: {i.Contact}");
        }

        if (i.DirectionsUrl is not null)
        {
            details.Add($"Directions: {i.DirectionsUrl}");
        }

        var location = string.Join(", ", new[] { i.VenueName, i.VenueAddress, i.VenueCity }.Where(p => !string.IsNullOrWhiteSpace(p)));
        // Leaving the itinerary is a change too: the revision moved on with it, so calendars take the cancellation.
        return new CalendarEvent($"{i.Id:N}@missionplanner", i.Sequence + revision, i.StartsAtUtc, i.EndsAtUtc, i.Title,
            location.Length == 0 ? null : location, details.Count == 0 ? null : string.Join("\n", details), i.Cancelled || cancelAll, now,
            Latitude: i.Latitude, Longitude: i.Longitude);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>
/// The secrets of calendar-feed links (<see cref="LinkPurpose.CalendarFeed"/>): the link row's id and
/// an HMAC of it under a key derived from the installation's secret (<see cref="SignedIds"/>), so the
/// itinerary page and emails can show the address again while the row keeps only its hash. A calendar
/// app keeps one address for months, so this link is not renewed with each email; revoking its row
/// ends it. A registration's first calendar link has the registration's id as its row id: the address
/// calendar apps were given before links were stored (ADR 0013) keeps working (ADR 0020).
/// </summary>
public sealed class CalendarLinks(PersonalDataProtector protector, PublicLinks links)
{
    private readonly SignedIds ids = new(protector, "missionplanner calendar links v1");

    public string Token(Guid linkId) => ids.Sign(linkId);

    public string Url(Guid linkId) => $"{links.Base}/c/{Token(linkId)}.ics";

    public PersonalLink NewLink(Guid linkId, Guid missionId, Guid subjectId, DateTime expiresAt, DateTime now) =>
        PersonalLink.WithDerivedToken(linkId, missionId, LinkPurpose.CalendarFeed, subjectId, Token(linkId), KeyId, expiresAt, now);

    /// <summary>The key calendar secrets are derived with now (<see cref="PersonalDataProtector.CurrentKeyId"/>).</summary>
    public string KeyId => protector.CurrentKeyId;

    /// <summary>Whether this installation can show the link's address: its secret was derived with the current key.</summary>
    public bool IsCurrent(PersonalLink link) => link.KeyId == KeyId;
}
