using System.Text.RegularExpressions;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Travel;

/// <summary>A hotel room's type, as hotels sell them: one guest, or two in one bed or in two beds.</summary>
public enum RoomType
{
    Single,
    Double,
    Twin,
}

/// <summary>
/// Rooms a hotel holds for the mission under one contract line (a block, in hotels' terms): the type, the nights (from
/// <see cref="FirstNight"/> to <see cref="LastNight"/>, each the date the night begins), how many rooms are held, the
/// rate per room and night, the booking reference, and the release date, after which unassigned rooms go back to the
/// hotel's sale (and used-or-not rooms are usually charged). A hotel with singles and twins, or accessible rooms, has
/// one block per kind.
/// </summary>
public sealed partial class RoomBlock : IVersioned
{
    public const int ReferenceMax = 60;
    public const int NameMax = 120;
    public const int RoomsMax = 1000;

    private RoomBlock()
    {
    }

    public RoomBlock(Guid missionId, Guid hotelId)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        HotelId = hotelId;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }

    /// <summary>The hotel: one of the mission's venues of kind hotel.</summary>
    public Guid HotelId { get; private set; }

    /// <summary>What the organisers call it, e.g. "Twin rooms, main building"; defaults to the type.</summary>
    public string Name { get; private set; } = "";

    public RoomType RoomType { get; private set; }

    /// <summary>The block's rooms are accessible (step-free, wider doors, adapted bathroom).</summary>
    public bool Accessible { get; private set; }

    /// <summary>The first night (the date it begins; guests check in that day).</summary>
    public DateOnly FirstNight { get; private set; }

    /// <summary>The last night; guests check out the morning after.</summary>
    public DateOnly LastNight { get; private set; }

    public int RoomsHeld { get; private set; }

    /// <summary>Per room and night, in <see cref="Currency"/>; null when not agreed yet.</summary>
    public decimal? Rate { get; private set; }

    /// <summary>ISO 4217 code, e.g. GBP.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>The last day unassigned rooms can be given back without charge.</summary>
    public DateOnly ReleaseDate { get; private set; }

    public string? BookingReference { get; private set; }

    /// <summary>Guests may check in from this time (hotel's local time, the mission's zone); shown in itineraries.</summary>
    public TimeOnly CheckInFrom { get; private set; } = new(15, 0);

    /// <summary>Guests check out by this time.</summary>
    public TimeOnly CheckOutBy { get; private set; } = new(11, 0);

    /// <summary>When the organisers were emailed the block's use before its release date (once).</summary>
    public DateTime? ReleaseReminderSentAt { get; private set; }

    public int Version { get; set; }

    public IEnumerable<DateOnly> Nights => Enumerable.Range(0, LastNight.DayNumber - FirstNight.DayNumber + 1).Select(FirstNight.AddDays);

    /// <summary>How many guests a room of this type sleeps.</summary>
    public static int Sleeps(RoomType type) => type == RoomType.Single ? 1 : 2;

    public int Capacity => Sleeps(RoomType);

    /// <summary>Sets the block's terms, checked against the mission's dates.</summary>
    /// <exception cref="DomainException">On the field at fault: RoomType, FirstNight, LastNight, RoomsHeld, Rate, Currency or ReleaseDate.</exception>
    public void Change(string? name, RoomType type, bool accessible, DateOnly firstNight, DateOnly lastNight, int roomsHeld, decimal? rate, string? currency,
        DateOnly releaseDate, string? bookingReference, DateOnly missionStart, DateOnly missionEnd, TimeOnly? checkInFrom = null, TimeOnly? checkOutBy = null)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainException(nameof(RoomType), "A room is single, double or twin.");
        }

        if (firstNight < missionStart.AddDays(-14) || firstNight > missionEnd)
        {
            throw new DomainException(nameof(FirstNight), "The first night is on or before the mission's last day, and at most 14 days before it starts.");
        }

        if (lastNight < firstNight || lastNight > missionEnd.AddDays(14))
        {
            throw new DomainException(nameof(LastNight), "The last night is on or after the first, and at most 14 days after the mission ends.");
        }

        if (roomsHeld is < 1 or > RoomsMax)
        {
            throw new DomainException(nameof(RoomsHeld), $"A block holds between 1 and {RoomsMax:N0} rooms.");
        }

        if (rate is < 0 or > 100_000)
        {
            throw new DomainException(nameof(Rate), "The rate per room and night is between 0 and 100,000, or empty.");
        }

        var code = (currency ?? "").Trim().ToUpperInvariant();
        if (rate is not null && code.Length == 0)
        {
            throw new DomainException(nameof(Currency), "Give the rate's currency as its three-letter ISO 4217 code, e.g. GBP or EUR.");
        }

        if (code.Length > 0 && (!CurrencyCode().IsMatch(code) || !Currencies.Value.Contains(code)))
        {
            throw new DomainException(nameof(Currency), $"'{code}' is not a currency in use: give its three-letter ISO 4217 code, e.g. GBP or EUR.");
        }

        // Rooms are released before guests arrive: a release date after the first night (or after the mission) is a typing error.
        if (releaseDate > firstNight)
        {
            throw new DomainException(nameof(ReleaseDate), $"The release date is on or before the first night ({firstNight:yyyy-MM-dd}).");
        }

        Name = string.IsNullOrWhiteSpace(name) ? $"{type} rooms{(accessible ? ", accessible" : "")}" : name.Trim();
        RoomType = type;
        Accessible = accessible;
        FirstNight = firstNight;
        LastNight = lastNight;
        RoomsHeld = roomsHeld;
        Rate = rate;
        Currency = code;
        if (releaseDate != ReleaseDate)
        {
            ReleaseReminderSentAt = null;
        }

        ReleaseDate = releaseDate;
        CheckInFrom = checkInFrom ?? new TimeOnly(15, 0);
        CheckOutBy = checkOutBy ?? new TimeOnly(11, 0);
        BookingReference = string.IsNullOrWhiteSpace(bookingReference) ? null : bookingReference.Trim();
    }

    public void ReminderSent(DateTime now) => ReleaseReminderSentAt = now;

    /// <summary>The ISO 4217 codes of the currencies in use, as the culture data (ICU) knows them per region.</summary>
    private static readonly Lazy<HashSet<string>> Currencies = new(() => System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures)
        .Select(c =>
        {
            try
            {
                return new System.Globalization.RegionInfo(c.Name).ISOCurrencySymbol;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }).OfType<string>().ToHashSet(StringComparer.Ordinal));

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}

/// <summary>
/// A delegate in a room of a block for their nights: <see cref="CheckIn"/> is the day of the first night,
/// <see cref="CheckOut"/> the morning after the last. Rooms are numbered 1, 2, … within the block; numbers above the
/// rooms held are rooms still to ask the hotel for. A room sleeps <see cref="RoomBlock.Capacity"/> on any night.
/// </summary>
public sealed class RoomAssignment
{
    public const int RoomNumberMax = 2000;

    private RoomAssignment()
    {
    }

    public RoomAssignment(Guid missionId, Guid blockId, int room, Guid registrationId, DateOnly checkIn, DateOnly checkOut)
    {
        if (room is < 1 or > RoomNumberMax)
        {
            throw new DomainException("Room", $"A room number is between 1 and {RoomNumberMax:N0}.");
        }

        if (checkOut <= checkIn)
        {
            throw new DomainException("CheckOut", "Check-out is at least one day after check-in.");
        }

        Id = Guid.NewGuid();
        MissionId = missionId;
        BlockId = blockId;
        Room = room;
        RegistrationId = registrationId;
        CheckIn = checkIn;
        CheckOut = checkOut;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid BlockId { get; private set; }
    public int Room { get; private set; }
    public Guid RegistrationId { get; private set; }
    public DateOnly CheckIn { get; private set; }
    public DateOnly CheckOut { get; private set; }

    public IEnumerable<DateOnly> Nights => Enumerable.Range(0, CheckOut.DayNumber - CheckIn.DayNumber).Select(CheckIn.AddDays);

    public bool Overlaps(DateOnly checkIn, DateOnly checkOut) => CheckIn < checkOut && checkIn < CheckOut;
}
