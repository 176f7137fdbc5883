using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Missions;

public sealed class ProgrammeItem : RaisesDomainEvents, IVersioned
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;

    private ProgrammeItem()
    {
    }

    public ProgrammeItem(Mission mission, string title, string description, ProgrammeItemKind kind,
        DateTime startsAtUtc, DateTime endsAtUtc, Guid? venueId, int? capacity, bool allowsParallel)
    {
        Id = Guid.NewGuid();
        MissionId = mission.Id;
        Update(mission, title, description, kind, startsAtUtc, endsAtUtc, venueId, capacity, allowsParallel);
        Sequence = 0;
        TakeDomainEvents();
        Raise(new ProgrammeItemChanged(this, ProgrammeItemChange.Added));
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public ProgrammeItemKind Kind { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public Guid? VenueId { get; private set; }
    public int? Capacity { get; private set; }

    /// <summary>Parallel tracks (lab tours in small groups) may overlap other items; plenary items may not.</summary>
    public bool AllowsParallel { get; private set; }

    /// <summary>What to wear or bring, e.g. "Business attire" or "Closed shoes; gowning provided".</summary>
    public string? DressCode { get; private set; }

    /// <summary>Who to call on the day, e.g. "Dr Jane Smith, +44 20 7946 0000".</summary>
    public string? Contact { get; private set; }

    /// <summary>Who the item is for: everyone, people of some sectors, or chosen people.</summary>
    public Audience Audience { get; private set; }

    /// <summary>The sectors the item is for when <see cref="Audience"/> is Sectors, e.g. "Academia,Industry".</summary>
    public string AudienceSectors { get; private set; } = "";

    /// <summary>Cancelled items stay, so calendars and itineraries can show them as cancelled.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Counts changes, for calendar clients (iCalendar SEQUENCE).</summary>
    public int Sequence { get; private set; }

    /// <summary>Visitors must be screened (a secure lab, an embassy): registration then asks for ID details.</summary>
    public bool RequiresIdScreening { get; private set; }
    public int Version { get; set; }

    /// <summary>For a published visit group: the visit it comes from and the group's number at that time.</summary>
    public Guid? VisitId { get; private set; }
    public int? VisitGroup { get; private set; }

    /// <summary>For a published B2B meeting: the meeting (<see cref="Meetings.Meeting"/>).</summary>
    public Guid? MeetingId { get; private set; }

    public void LinkToMeeting(Guid meetingId) => MeetingId = meetingId;

    public void LinkToVisit(Guid visitId, int group)
    {
        VisitId = visitId;
        VisitGroup = group;
    }

    public void RequireIdScreening(bool required) => RequiresIdScreening = required;

    public void Update(Mission mission, string title, string description, ProgrammeItemKind kind,
        DateTime startsAtUtc, DateTime endsAtUtc, Guid? venueId, int? capacity, bool allowsParallel)
    {
        mission.EnsureWithinDays(startsAtUtc, endsAtUtc);
        if (capacity is <= 0)
        {
            throw new DomainException(nameof(Capacity), "Capacity must be a positive number, or empty for no limit.");
        }

        var seen = (Title, StartsAt, EndsAt, VenueId);
        Title = title.Trim();
        Description = description.Trim();
        Kind = kind;
        StartsAt = DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc);
        EndsAt = DateTime.SpecifyKind(endsAtUtc, DateTimeKind.Utc);
        VenueId = venueId;
        Capacity = capacity;
        AllowsParallel = allowsParallel;
        Sequence++;
        Raise(seen == (Title, StartsAt, EndsAt, VenueId)
            ? new ProgrammeItemChanged(this, ProgrammeItemChange.DetailsChanged)
            : new ProgrammeItemChanged(this, ProgrammeItemChange.Rescheduled, VenueChanged: seen.VenueId != VenueId));
    }

    /// <summary>Call before removing it from the database: the people it was for are told.</summary>
    public void Remove() => Raise(new ProgrammeItemChanged(this, ProgrammeItemChange.Removed));

    /// <summary>For travel legs: how, with whom, where to meet, which seat or coach.</summary>
    public TravelMode? TravelMode { get; private set; }
    public string? Carrier { get; private set; }
    public string? MeetingPoint { get; private set; }
    public string? SeatOrCoach { get; private set; }

    public void SetTravel(TravelMode? mode, string? carrier, string? meetingPoint, string? seatOrCoach)
    {
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var seen = (TravelMode, Carrier, MeetingPoint, SeatOrCoach);
        TravelMode = Kind == ProgrammeItemKind.TravelLeg ? mode : null;
        Carrier = Kind == ProgrammeItemKind.TravelLeg ? Clean(carrier) : null;
        MeetingPoint = Kind == ProgrammeItemKind.TravelLeg ? Clean(meetingPoint) : null;
        SeatOrCoach = Kind == ProgrammeItemKind.TravelLeg ? Clean(seatOrCoach) : null;
        if (seen != (TravelMode, Carrier, MeetingPoint, SeatOrCoach))
        {
            Raise(new ProgrammeItemChanged(this, ProgrammeItemChange.DetailsChanged));
        }
    }

    public void SetDetails(string? dressCode, string? contact)
    {
        var seen = (DressCode, Contact);
        DressCode = string.IsNullOrWhiteSpace(dressCode) ? null : dressCode.Trim();
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        if (seen != (DressCode, Contact))
        {
            Raise(new ProgrammeItemChanged(this, ProgrammeItemChange.DetailsChanged));
        }
    }

    /// <summary>Whether the item is for someone of <paramref name="sector"/>; <paramref name="chosen"/>: they are among its chosen people.</summary>
    public bool IsFor(Sector sector, bool chosen) => Audience switch
    {
        Audience.Everyone => true,
        Audience.Sectors => AudienceSectorList.Contains(sector),
        _ => chosen,
    };

    public IReadOnlyList<Sector> AudienceSectorList =>
        AudienceSectors.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Sector>).ToList();

    public void SetAudience(Audience audience, IReadOnlyCollection<Sector> sectors)
    {
        if (audience == Audience.Sectors && sectors.Count == 0)
        {
            throw new DomainException(nameof(AudienceSectors), "Choose at least one sector, or make the item for everyone.");
        }

        Audience = audience;
        AudienceSectors = audience == Audience.Sectors ? string.Join(',', sectors.Distinct().Order()) : "";
        Sequence++;
        Raise(new ProgrammeItemChanged(this, ProgrammeItemChange.AudienceChanged));
    }

    public void Cancel()
    {
        if (Cancelled)
        {
            throw new DomainException(nameof(Cancelled), "This item is already cancelled.");
        }

        Cancelled = true;
        Sequence++;
        Raise(new ProgrammeItemChanged(this, ProgrammeItemChange.Cancelled));
    }

    public void Reinstate()
    {
        Cancelled = false;
        Sequence++;
        Raise(new ProgrammeItemChanged(this, ProgrammeItemChange.Reinstated));
    }
}

public enum TravelMode
{
    Coach,
    Train,
    Flight,
    Taxi,
    Walk,
    Boat,
    Other,
}

public enum Audience
{
    Everyone,
    Sectors,
    People,
}

/// <summary>One person an item is for, when the item is for chosen people.</summary>
public sealed class ProgrammeItemPerson
{
    private ProgrammeItemPerson()
    {
    }

    public ProgrammeItemPerson(Guid programmeItemId, Guid registrationId)
    {
        ProgrammeItemId = programmeItemId;
        RegistrationId = registrationId;
    }

    public Guid ProgrammeItemId { get; private set; }
    public Guid RegistrationId { get; private set; }
}
