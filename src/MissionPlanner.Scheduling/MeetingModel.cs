namespace MissionPlanner.Scheduling;

/// <summary>One slot of a B2B meeting session: a time in which each table holds one meeting.</summary>
public sealed record MeetingSlot(string Id, DateTime Start, DateTime End);

/// <summary>A B2B meeting session: its venue, its slots (slot length and breaks are already in their times) and its tables or rooms.</summary>
public sealed record MeetingSession(string Id, string Venue, IReadOnlyList<MeetingSlot> Slots, int Tables);

/// <summary>
/// Someone who meets: a delegate or a counterpart. <see cref="Busy"/> is the rest of their programme
/// (items, visits, travel legs, each at its venue, so travel time counts); <see cref="Available"/>, when
/// given, is when they said they can meet (a counterpart's stated availability); <see cref="Cap"/> is the
/// most meetings they take; <see cref="AskedForMeetings"/> marks someone who should get at least one;
/// a higher <see cref="Priority"/> is served first when meetings compete.
/// </summary>
public sealed record Attendee(
    string Id, IReadOnlyList<Slot> Busy, IReadOnlyList<Slot>? Available = null, int? Cap = null, bool AskedForMeetings = false, int Priority = 0);

/// <summary>
/// A meeting to place: two or more attendees (a company's two delegates meeting one counterpart is one
/// meeting for all three), whether it is a "must meet", and a slot an organiser pinned it to.
/// </summary>
public sealed record MeetingRequest(string Id, IReadOnlyList<string> Attendees, bool MustMeet = false, string? PinnedSlot = null);

public sealed record MeetingProblem(IReadOnlyList<MeetingSession> Sessions, IReadOnlyList<Attendee> Attendees, IReadOnlyList<MeetingRequest> Requests, TravelMinutes Travel);

/// <summary>Why a meeting was not placed.</summary>
public enum MeetingReason
{
    /// <summary>No slot in which all its attendees are free and available.</summary>
    NoCommonFreeSlot,

    /// <summary>Every slot they share has all its tables taken.</summary>
    TablesFull,

    /// <summary>An attendee already has as many meetings as their cap.</summary>
    CapReached,

    /// <summary>In every slot they share, one of them has another meeting.</summary>
    AttendeeTaken,
}

/// <summary>A placed meeting: its slot and table (1-based within the session).</summary>
public sealed record PlacedMeeting(string RequestId, string SessionId, string SlotId, int Table);

public sealed record UnplacedMeeting(string RequestId, MeetingReason Reason, string? Attendee);

/// <summary>
/// The objective, compared in order: attendees who asked for meetings and got at least one; "must meet"
/// meetings placed; meetings placed; then the fewest idle slots between a person's meetings in a session.
/// </summary>
public sealed record MeetingScore(int Covered, int MustMeet, int Meetings, int IdleSlots) : IComparable<MeetingScore>
{
    public int CompareTo(MeetingScore? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Covered.CompareTo(other.Covered);
        c = c != 0 ? c : MustMeet.CompareTo(other.MustMeet);
        c = c != 0 ? c : Meetings.CompareTo(other.Meetings);
        return c != 0 ? c : other.IdleSlots.CompareTo(IdleSlots);
    }

    public bool BetterThan(MeetingScore other) => CompareTo(other) > 0;
}

public sealed record MeetingSchedule(IReadOnlyList<PlacedMeeting> Placed, IReadOnlyList<UnplacedMeeting> Unplaced, MeetingScore Score);
