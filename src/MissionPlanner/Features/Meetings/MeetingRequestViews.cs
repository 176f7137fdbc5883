using MissionPlanner.Domain.Meetings;

namespace MissionPlanner.Features.Meetings;

/// <summary>A meeting request as one side sees it: the other person, whether it came to them, its state and words.</summary>
public sealed record MeetingRequestView(
    Guid Id, Guid OtherId, string OtherName, string OtherOrganisation, bool Incoming, MeetingRequestStatus Status, string? Message, string? Reply,
    DateTime CreatedAt);

/// <summary>Someone's B2B page: who they are, the other side's directory, and their requests.</summary>
public sealed record MyMeetingsView(
    MeetingParty Party, string Name, string MissionTitle, string When, DirectoryView Directory, IReadOnlyList<MeetingRequestView> Requests)
{
    /// <summary>Mode (a): they may ask people for meetings.</summary>
    public bool RequestsOpen { get; init; }

    /// <summary>Mode (b): they may mark people now, until <see cref="PreferencesDeadlineLocal"/> (mission time) when one is set.</summary>
    public bool PreferencesOpen { get; init; }

    public DateTime? PreferencesDeadlineLocal { get; init; }

    /// <summary>Their held meetings they are asked about (newest first), answered or not.</summary>
    public IReadOnlyList<MyMeetingOutcome> Outcomes { get; init; } = [];

    /// <summary>Their own marks in the preference round, by the other person's id.</summary>
    public IReadOnlyDictionary<Guid, MeetingInterest> Interests { get; init; } = new Dictionary<Guid, MeetingInterest>();
}

/// <summary>A question about a held meeting as the person sees it: with whom, when (mission time), which round, their answer.</summary>
public sealed record MyMeetingOutcome(Guid Id, string With, DateTime StartsLocal, int Round, MeetingResult? Result, string? NextSteps);

/// <summary>A request as organisers see it.</summary>
public sealed record MeetingRequestSummary(
    Guid Id, Guid DelegateId, string DelegateName, string DelegateOrganisation, Guid CounterpartId, string CounterpartName, string CounterpartOrganisation,
    MeetingParty From, MeetingRequestStatus Status, string? Message, string? Reply, DateTime CreatedAt, DateTime? AnsweredAt);
