using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Meetings;

/// <summary>A delegate at a meeting (a company's two delegates meeting one counterpart together are one meeting).</summary>
public sealed class MeetingDelegate
{
    private MeetingDelegate()
    {
    }

    public MeetingDelegate(Guid meetingId, Guid registrationId)
    {
        MeetingId = meetingId;
        RegistrationId = registrationId;
    }

    public Guid MeetingId { get; private set; }
    public Guid RegistrationId { get; private set; }
}

/// <summary>
/// A B2B meeting between one counterpart and one or more delegates: placed by the scheduler in a slot
/// and table of a <see cref="MeetingSession"/>, or arranged by the organisers — in a session slot or at
/// another time and place. Arranged meetings are pinned: running the scheduler again keeps them where
/// they are. Once the plan is published each meeting has a programme item (<see cref="ProgrammeItemId"/>)
/// in its delegates' itineraries.
/// </summary>
public sealed class Meeting : IVersioned
{
    public const int PlaceMax = 200;

    private readonly List<MeetingDelegate> delegates = [];

    private Meeting()
    {
    }

    public Meeting(Guid missionId, Guid counterpartId, IEnumerable<Guid> delegateIds, bool mustMeet, bool arranged)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        CounterpartId = counterpartId;
        delegates.AddRange(delegateIds.Distinct().Order().Select(d => new MeetingDelegate(Id, d)));
        if (delegates.Count == 0)
        {
            throw new DomainException("Delegates", "A meeting needs at least one delegate.");
        }

        MustMeet = mustMeet;
        Arranged = arranged;
        Pinned = arranged;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid CounterpartId { get; private set; }
    public IReadOnlyList<MeetingDelegate> Delegates => delegates;

    /// <summary>The session's programme item, when the meeting is in a session; null for one arranged at another time and place.</summary>
    public Guid? SessionId { get; private set; }

    /// <summary>The slot's number in the session (from 1).</summary>
    public int? Slot { get; private set; }

    /// <summary>The table's number in the session (from 1).</summary>
    public int? Table { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public Guid? VenueId { get; private set; }

    /// <summary>Where exactly, for a meeting outside a session, e.g. "Room 2.14" or "Embassy library".</summary>
    public string? Place { get; private set; }

    /// <summary>Both sides said "must meet", or the organisers marked it so: placed before the others.</summary>
    public bool MustMeet { get; private set; }

    /// <summary>Added by the organisers rather than asked for.</summary>
    public bool Arranged { get; private set; }

    /// <summary>The scheduler keeps it where it is.</summary>
    public bool Pinned { get; private set; }

    /// <summary>Marked by the organisers on the day: the side that did not come, so the meeting did not take place (null: held, or not known).</summary>
    public MeetingParty? NoShow { get; private set; }

    public void MarkNoShow(MeetingParty? side) => NoShow = side;

    /// <summary>The meeting's programme item since the plan was published.</summary>
    public Guid? ProgrammeItemId { get; private set; }
    public int Version { get; set; }

    /// <summary>The counterpart and the delegates, in a stable order: a rerun that places the same people again keeps the meeting (and its programme item).</summary>
    public string PeopleKey => Key(CounterpartId, delegates.Select(d => d.RegistrationId));

    public static string Key(Guid counterpartId, IEnumerable<Guid> delegateIds) =>
        counterpartId.ToString("N") + ":" + string.Join(",", delegateIds.Order().Select(d => d.ToString("N")));

    public void PlaceInSession(Guid sessionId, SessionSlot slot, int table, Guid? venueId)
    {
        SessionId = sessionId;
        Slot = slot.Number;
        Table = table;
        StartsAt = slot.StartsAt;
        EndsAt = slot.EndsAt;
        VenueId = venueId;
        Place = null;
    }

    /// <summary>At another time and place than a session.</summary>
    public void PlaceAt(DateTime startsAt, DateTime endsAt, Guid? venueId, string? place)
    {
        if (endsAt <= startsAt)
        {
            throw new DomainException("EndsAt", "The meeting must end after it starts.");
        }

        SessionId = null;
        Slot = null;
        Table = null;
        StartsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Utc);
        EndsAt = DateTime.SpecifyKind(endsAt, DateTimeKind.Utc);
        VenueId = venueId;
        Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
    }

    public void Pin(bool pinned) => Pinned = pinned || Arranged;

    /// <summary>Published and started: from then on the meeting is history (its outcomes hang on it), so it is never moved or removed.</summary>
    public bool HasBegun(DateTime now) => ProgrammeItemId is not null && StartsAt <= now;

    /// <exception cref="DomainException">On "Meeting", when it has begun.</exception>
    public void EnsureNotBegun(DateTime now)
    {
        if (HasBegun(now))
        {
            throw new DomainException("Meeting", "This meeting has taken place (or begun): it is kept, with what came of it, and cannot be moved or removed.");
        }
    }

    public void MarkMustMeet(bool mustMeet) => MustMeet = mustMeet;

    public void Published(Guid programmeItemId) => ProgrammeItemId = programmeItemId;
}
