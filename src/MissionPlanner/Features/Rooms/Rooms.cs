using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Rooms;

/// <summary>A guest in a room, with their nights (check-in day to check-out morning).</summary>
public sealed record RoomGuestView(Guid RegistrationId, string Name, string Organisation, DateOnly CheckIn, DateOnly CheckOut, int Nights, string? Accessibility,
    bool Confirmed);

/// <summary>One room of a block and who sleeps in it; <paramref name="Extra"/> when its number is above the rooms held (to ask the hotel for).</summary>
public sealed record RoomView(int Number, bool Extra, IReadOnlyList<RoomGuestView> Guests);

/// <summary>A night of a block: rooms used and held.</summary>
public sealed record NightUseView(DateOnly Night, int Used, int Held);

/// <summary>A room block with its rooms, per-night use and terms.</summary>
/// <param name="Rate">Per room and night in <paramref name="Currency"/>.</param>
public sealed record RoomBlockView(
    Guid Id, Guid HotelId, string Hotel, string HotelAddress, string Name, RoomType RoomType, bool Accessible, DateOnly FirstNight, DateOnly LastNight,
    int RoomsHeld, decimal? Rate, string Currency, DateOnly ReleaseDate, string? BookingReference, DateTime? ReleaseReminderSentAt,
    IReadOnlyList<RoomView> Rooms, IReadOnlyList<NightUseView> Use, int Version)
{
    public TimeOnly CheckInFrom { get; init; }
    public TimeOnly CheckOutBy { get; init; }
}

/// <summary>A confirmed delegate who asked for accommodation, their nights as travel gives them, and whether they have a room.</summary>
/// <param name="StayFromTravel">False when no arrival or departure is known and the mission's dates were assumed.</param>
public sealed record AccommodationNeedView(Guid RegistrationId, string Name, string Organisation, DateOnly CheckIn, DateOnly CheckOut, bool StayFromTravel,
    string? RoomSharing, string? Accessibility, Guid? BlockId, int? Room);

/// <summary>The Rooms page: blocks, who needs a room, and what to check (in words).</summary>
public sealed record RoomsView(IReadOnlyList<RoomBlockView> Blocks, IReadOnlyList<AccommodationNeedView> Needs, IReadOnlyList<string> Warnings,
    IReadOnlyList<HotelOption> Hotels);

/// <summary>A venue of kind hotel, for choosing a block's hotel.</summary>
public sealed record HotelOption(Guid Id, string Name);

internal static class Rooms
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Day(DateOnly d) => d.ToString("ddd d MMM", English);

    /// <summary>
    /// The nights someone stays, in mission time: from the day they arrive to the day they leave (their travel legs, else
    /// the arrival and departure on their registration). Without either, the night before the mission starts and the
    /// mission's last day are assumed. At least one night.
    /// </summary>
    public static (DateOnly CheckIn, DateOnly CheckOut, bool FromTravel) StayOf(Mission mission, DateTime? arrivalUtc, DateTime? departureUtc)
    {
        var zone = mission.TimeZone;
        var checkIn = arrivalUtc is { } a ? MissionTime.LocalDate(a, zone) : mission.StartDate.AddDays(-1);
        var checkOut = departureUtc is { } d ? MissionTime.LocalDate(d, zone) : mission.EndDate;
        if (checkOut <= checkIn)
        {
            checkOut = checkIn.AddDays(1);
        }

        return (checkIn, checkOut, arrivalUtc is not null || departureUtc is not null);
    }

    public sealed record Person(Guid Id, string Name, string Email, string Organisation, RegistrationStatus Status, bool AccommodationNeeded, string? RoomSharing,
        string? Accessibility, DateOnly CheckIn, DateOnly CheckOut, bool FromTravel);

    /// <summary>Everyone not erased who asked for accommodation or has a room, with their stay.</summary>
    public static Task<List<Person>> PeopleAsync(AppDbContext db, Mission mission, CancellationToken ct) =>
        PeopleAsync(db, mission, db.Registrations.Where(r => r.MissionId == mission.Id && r.ErasedAt == null
            && ((r.Status == RegistrationStatus.Confirmed && r.AccommodationNeeded) || db.RoomAssignments.Any(a => a.RegistrationId == r.Id))), ct);

    /// <summary>A confirmed delegate of the mission with their stay, or null.</summary>
    public static async Task<Person?> PersonAsync(AppDbContext db, Mission mission, Guid registrationId, CancellationToken ct) =>
        (await PeopleAsync(db, mission, db.Registrations.Where(r => r.Id == registrationId && r.MissionId == mission.Id && r.ErasedAt == null
            && r.Status == RegistrationStatus.Confirmed), ct)).SingleOrDefault();

    private static async Task<List<Person>> PeopleAsync(AppDbContext db, Mission mission, IQueryable<Registration> who, CancellationToken ct)
    {
        var rows = await who.AsNoTracking()
            .Select(r => new { r.Id, r.Name, r.Email, r.Organisation, r.Status, r.AccommodationNeeded, r.RoomSharing, r.Accessibility })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var stays = await Travel.Stays.ForMissionAsync(db, mission.Id, ct, ids);
        return rows.Select(r =>
        {
            var stay = stays.GetValueOrDefault(r.Id);
            var (checkIn, checkOut, fromTravel) = StayOf(mission, stay?.Arrival, stay?.Departure);
            return new Person(r.Id, r.Name, r.Email, r.Organisation, r.Status, r.AccommodationNeeded, r.RoomSharing, r.Accessibility, checkIn, checkOut, fromTravel);
        }).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The planner's parties among those without a room: pairs who share (<see cref="Pairs"/>) and everyone else alone.</summary>
    public static List<RoomPlanner.Party> Parties(IReadOnlyList<Person> people, IReadOnlySet<Guid> housed)
    {
        var parties = new List<RoomPlanner.Party>();
        var inPair = new HashSet<Guid>();
        foreach (var (a, b) in Pairs(people).Where(p => !housed.Contains(p.A.Id) && !housed.Contains(p.B.Id)))
        {
            inPair.Add(a.Id);
            inPair.Add(b.Id);
            parties.Add(new RoomPlanner.Party([a.Id, b.Id], a.CheckIn < b.CheckIn ? a.CheckIn : b.CheckIn, a.CheckOut > b.CheckOut ? a.CheckOut : b.CheckOut,
                a.Accessibility is not null || b.Accessibility is not null));
        }

        parties.AddRange(people.Where(p => !housed.Contains(p.Id) && !inPair.Contains(p.Id))
            .Select(p => new RoomPlanner.Party([p.Id], p.CheckIn, p.CheckOut, p.Accessibility is not null)));
        return parties;
    }

    /// <summary>
    /// Puts someone in a room of a block for [checkIn, checkOut), moving them from any room they had; the block's version
    /// moves on so that two placements in it at once cannot both succeed. Nothing is saved here.
    /// </summary>
    /// <exception cref="DomainException">On Room: the room would sleep more than its type allows on some night.</exception>
    public static async Task PlaceAsync(AppDbContext db, RoomBlock block, int room, Guid registrationId, DateOnly checkIn, DateOnly checkOut, CancellationToken ct)
    {
        var others = await db.RoomAssignments.AsNoTracking().Where(a => a.BlockId == block.Id && a.Room == room && a.RegistrationId != registrationId)
            .ToListAsync(ct);
        for (var night = checkIn; night < checkOut; night = night.AddDays(1))
        {
            var n = night;
            var sleeping = others.Count(a => a.CheckIn <= n && n < a.CheckOut);
            if (sleeping + 1 > block.Capacity)
            {
                throw new DomainException("Room", $"Room {room} of {block.Name} already sleeps {sleeping} on the night of {Day(n)}; a {block.RoomType.ToString().ToLowerInvariant()} room sleeps {block.Capacity}.");
            }
        }

        if (await db.RoomAssignments.FirstOrDefaultAsync(a => a.RegistrationId == registrationId, ct) is { } before)
        {
            db.RoomAssignments.Remove(before);
        }

        db.RoomAssignments.Add(new RoomAssignment(block.MissionId, block.Id, room, registrationId, checkIn, checkOut));
        db.Entry(block).State = EntityState.Modified;
    }

    /// <summary>
    /// Whom someone's sharing wish names among <paramref name="candidates"/>: the one whose email it contains, or whose
    /// name it contains; null when it names nobody or more than one.
    /// </summary>
    public static Person? Named(Person person, IReadOnlyList<Person> candidates)
    {
        if (string.IsNullOrWhiteSpace(person.RoomSharing))
        {
            return null;
        }

        var wish = person.RoomSharing;
        var byEmail = candidates.Where(c => c.Id != person.Id && wish.Contains(c.Email, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byEmail.Count == 1)
        {
            return byEmail[0];
        }

        var byName = candidates.Where(c => c.Id != person.Id && c.Name.Length >= 3 && wish.Contains(c.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>Pairs of people who share: A names B, and B names A or nobody (each person in one pair; mutual wishes first).</summary>
    public static List<(Person A, Person B)> Pairs(IReadOnlyList<Person> people)
    {
        var named = people.ToDictionary(p => p.Id, p => Named(p, people));
        var paired = new HashSet<Guid>();
        var pairs = new List<(Person, Person)>();
        foreach (var mutual in new[] { true, false })
        {
            foreach (var a in people)
            {
                if (named[a.Id] is not { } b || paired.Contains(a.Id) || paired.Contains(b.Id))
                {
                    continue;
                }

                var back = named[b.Id];
                if (mutual ? back?.Id == a.Id : string.IsNullOrWhiteSpace(b.RoomSharing))
                {
                    pairs.Add((a, b));
                    paired.Add(a.Id);
                    paired.Add(b.Id);
                }
            }
        }

        return pairs;
    }

    public static async Task<RoomBlock> BlockAsync(AppDbContext db, Guid missionId, Guid blockId, CancellationToken ct) =>
        await db.RoomBlocks.FirstOrDefaultAsync(b => b.Id == blockId && b.MissionId == missionId, ct) ?? throw new NotFoundException("Room block");

    /// <summary>The hotel a block is at: one of the mission's venues of kind hotel.</summary>
    /// <exception cref="DomainException">On HotelId.</exception>
    public static async Task<Venue> HotelAsync(AppDbContext db, Guid missionId, Guid? hotelId, CancellationToken ct) =>
        await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == hotelId && v.MissionId == missionId && v.Kind == VenueKind.Hotel, ct)
        ?? throw new DomainException("HotelId", "Choose one of the mission's hotels (a venue of kind hotel; add it on the Venues page first).");

    public static async Task<RoomsView> ViewAsync(AppDbContext db, Mission mission, CancellationToken ct)
    {
        var hotels = await db.Venues.AsNoTracking().Where(v => v.MissionId == mission.Id && v.Kind == VenueKind.Hotel).OrderBy(v => v.Name).ToListAsync(ct);
        var blocks = await db.RoomBlocks.AsNoTracking().Where(b => b.MissionId == mission.Id).ToListAsync(ct);
        var assignments = await db.RoomAssignments.AsNoTracking().Where(a => a.MissionId == mission.Id).ToListAsync(ct);
        var people = await PeopleAsync(db, mission, ct);
        var byId = people.ToDictionary(p => p.Id);
        var hotelById = await db.Venues.AsNoTracking().Where(v => v.MissionId == mission.Id && blocks.Select(b => b.HotelId).Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, ct);
        var warnings = new List<string>();
        var blockViews = new List<RoomBlockView>();
        foreach (var block in blocks.OrderBy(b => hotelById[b.HotelId].Name, StringComparer.CurrentCulture).ThenBy(b => b.Name, StringComparer.CurrentCulture))
        {
            var hotel = hotelById[block.HotelId];
            var mine = assignments.Where(a => a.BlockId == block.Id).ToList();
            var rooms = mine.GroupBy(a => a.Room).OrderBy(g => g.Key).Select(g => new RoomView(g.Key, g.Key > block.RoomsHeld, g
                .OrderBy(a => a.CheckIn).ThenBy(a => byId[a.RegistrationId].Name, StringComparer.CurrentCulture)
                .Select(a =>
                {
                    var p = byId[a.RegistrationId];
                    return new RoomGuestView(p.Id, p.Name, p.Organisation, a.CheckIn, a.CheckOut, a.CheckOut.DayNumber - a.CheckIn.DayNumber, p.Accessibility,
                        p.Status == RegistrationStatus.Confirmed);
                }).ToList())).ToList();
            var nights = block.Nights.Concat(mine.SelectMany(a => a.Nights)).Distinct().Order().ToList();
            var use = nights.Select(n => new NightUseView(n, mine.Where(a => a.CheckIn <= n && n < a.CheckOut).Select(a => a.Room).Distinct().Count(),
                n >= block.FirstNight && n <= block.LastNight ? block.RoomsHeld : 0)).ToList();
            var label = $"{hotel.Name} · {block.Name}";
            foreach (var over in use.Where(u => u.Used > u.Held))
            {
                warnings.Add(over.Held == 0
                    ? $"{label}: {over.Used} room(s) used on the night of {Day(over.Night)}, outside the block's nights: ask the hotel for them."
                    : $"{label}: {over.Used} rooms used on the night of {Day(over.Night)}, {over.Held} held: ask the hotel for {over.Used - over.Held} more before {Day(block.ReleaseDate)}.");
            }

            warnings.AddRange(rooms.Where(r => r.Extra).Select(r =>
                $"{label}: room {r.Number} is beyond the {block.RoomsHeld} rooms held: ask the hotel for it, or move its guests to a free room."));
            var unused = use.Where(u => u.Used < u.Held).ToList();
            if (unused.Count > 0)
            {
                warnings.Add($"{label}: rooms unused on {string.Join(", ", unused.Select(u => $"{Day(u.Night)} ({u.Held - u.Used} of {u.Held})"))}; "
                             + $"release them by {Day(block.ReleaseDate)} or fill them.");
            }

            foreach (var a in mine)
            {
                var p = byId[a.RegistrationId];
                if (p.Status != RegistrationStatus.Confirmed)
                {
                    warnings.Add($"{p.Name} is no longer confirmed and still has room {a.Room} at {hotel.Name}: remove them.");
                }

                var outside = a.Nights.Count(n => n < block.FirstNight || n > block.LastNight);
                if (outside > 0)
                {
                    warnings.Add($"{p.Name} stays {outside} night(s) outside {label}'s nights ({Day(block.FirstNight)} to {Day(block.LastNight)}): ask the hotel for them.");
                }

                if (p.Status == RegistrationStatus.Confirmed && (a.CheckIn != p.CheckIn || a.CheckOut != p.CheckOut) && p.FromTravel)
                {
                    warnings.Add($"{p.Name}'s room is from {Day(a.CheckIn)} to {Day(a.CheckOut)}, but their travel says {Day(p.CheckIn)} to {Day(p.CheckOut)}.");
                }

                if (!block.Accessible && p.Accessibility is { } need && blocks.Any(b => b.Accessible))
                {
                    warnings.Add($"{p.Name} has accessibility needs ({need}) and room {a.Room} at {hotel.Name} is not an accessible one: check it suits them.");
                }
            }

            blockViews.Add(new RoomBlockView(block.Id, hotel.Id, hotel.Name, hotel.Address, block.Name, block.RoomType, block.Accessible, block.FirstNight,
                block.LastNight, block.RoomsHeld, block.Rate, block.Currency, block.ReleaseDate, block.BookingReference, block.ReleaseReminderSentAt, rooms, use,
                block.Version)
            { CheckInFrom = block.CheckInFrom, CheckOutBy = block.CheckOutBy });
        }

        var assigned = assignments.ToDictionary(a => a.RegistrationId);
        var needing = people.Where(p => p.Status == RegistrationStatus.Confirmed && p.AccommodationNeeded).ToList();
        warnings.InsertRange(0, needing.Where(p => !assigned.ContainsKey(p.Id)).Select(p => $"{p.Name} asked for accommodation and has no room."));
        foreach (var p in needing.Where(p => !string.IsNullOrWhiteSpace(p.RoomSharing)))
        {
            var partner = Named(p, needing);
            if (partner is null)
            {
                warnings.Add($"{p.Name} asked to share with '{p.RoomSharing}', who is not one confirmed delegate needing a room.");
            }
            else if (assigned.TryGetValue(p.Id, out var mineA) && assigned.TryGetValue(partner.Id, out var theirs)
                     && (mineA.BlockId != theirs.BlockId || mineA.Room != theirs.Room))
            {
                warnings.Add($"{p.Name} asked to share with {partner.Name}, and they are in different rooms.");
            }
        }

        var needs = needing.Select(p => new AccommodationNeedView(p.Id, p.Name, p.Organisation, p.CheckIn, p.CheckOut, p.FromTravel, p.RoomSharing, p.Accessibility,
            assigned.GetValueOrDefault(p.Id)?.BlockId, assigned.GetValueOrDefault(p.Id)?.Room)).ToList();
        return new RoomsView(blockViews, needs, warnings, hotels.Select(h => new HotelOption(h.Id, h.Name)).ToList());
    }
}
