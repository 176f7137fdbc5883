using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;


namespace MissionPlanner.Features.Meetings;

/// <summary>A B2B meetings session: its programme item, and its slot length, break (minutes) and tables once set.</summary>
public sealed record MeetingSessionView(
    Guid ProgrammeItemId, string Title, DateTime StartsLocal, DateTime EndsLocal, Guid? VenueId, int? SlotMinutes, int? BreakMinutes, int? Tables,
    int Slots, int Meetings)
{
    public bool Configured => SlotMinutes is not null;

    internal static MeetingSessionView Of(ProgrammeItem item, MeetingSession? session, TimeZoneInfo zone, int meetings) =>
        new(item.Id, item.Title, MissionTime.ToLocal(item.StartsAt, zone), MissionTime.ToLocal(item.EndsAt, zone), item.VenueId,
            session?.SlotMinutes, session?.BreakMinutes, session?.Tables, session?.Slots(item).Count ?? 0, meetings);
}

/// <summary>What a run did: meetings placed, those it could not place with why, and what the schedule now breaks.</summary>
public sealed record MeetingRunResult(int Placed, IReadOnlyList<UnplacedMeetingView> Unplaced, IReadOnlyList<string> Warnings);

/// <summary>A meeting in the plan: who, and where (a session slot and table, or another time and place; local times).</summary>
public sealed record PlannedMeeting(
    Guid Id, Guid CounterpartId, string Counterpart, string CounterpartOrganisation, IReadOnlyList<Guid> DelegateIds, IReadOnlyList<string> Delegates,
    Guid? SessionId, int? Slot, int? Table, DateTime StartsLocal, DateTime EndsLocal, string Where, bool MustMeet, bool Arranged, bool Pinned,
    bool Published)
{
    /// <summary>The side that did not come, as the organisers marked it on the day.</summary>
    public MeetingParty? NoShow { get; init; }

    /// <summary>For a meeting outside the sessions: where exactly ("Embassy library").</summary>
    public string? Place { get; init; }

    /// <summary>Its delegates checked in at the meeting (badge scans at its programme item, as at any item), by name.</summary>
    public IReadOnlyList<string> CheckedIn { get; init; } = [];
}

/// <summary>One slot of a session with its tables: null where a table is free (the room plan).</summary>
public sealed record SlotPlan(int Number, DateTime StartsLocal, DateTime EndsLocal, IReadOnlyList<PlannedMeeting?> Tables);

public sealed record SessionPlan(MeetingSessionView Session, IReadOnlyList<SlotPlan> Slots);

/// <summary>Someone who can meet (a confirmed delegate or a counterpart still listed), with the organisers' cap and priority.</summary>
public sealed record MeetingPersonView(Guid Id, MeetingParty Party, string Label, int? Cap, int Priority, int Meetings);

/// <summary>
/// The B2B schedule for organisers: sessions as room plans, meetings outside the sessions, what the
/// last run could not place and why, what the schedule breaks, and the plan's state. <see cref="Version"/>
/// is the plan's: send it back with moves so that two organisers never overwrite each other.
/// </summary>
public sealed record MeetingPlanView(
    DateTime? LastRunAt, bool Locked, DateTime? PublishedAt, bool ChangedSincePublish, int Version,
    IReadOnlyList<SessionPlan> Sessions, IReadOnlyList<MeetingSessionView> Unconfigured, IReadOnlyList<PlannedMeeting> Meetings,
    IReadOnlyList<UnplacedMeetingView> Unplaced, IReadOnlyList<string> Warnings, int AcceptedRequests, IReadOnlyList<string> AskedWithoutMeeting,
    IReadOnlyList<MeetingPersonView> People)
{
    /// <summary>Mode (a) is on: people ask each other.</summary>
    public bool RequestsOpen { get; init; }

    /// <summary>Mode (b) is on: the preference round, until <see cref="PreferencesDeadlineLocal"/> (mission time) when set.</summary>
    public bool PreferenceRound { get; init; }

    public DateTime? PreferencesDeadlineLocal { get; init; }

    /// <summary>Marks made in the preference round, and the pairs where both sides want to meet.</summary>
    public int Marks { get; init; }

    public int MutualPairs { get; init; }
}
