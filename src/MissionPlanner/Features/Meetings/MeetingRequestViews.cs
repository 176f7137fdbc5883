using MissionPlanner.Domain.Meetings;

namespace MissionPlanner.Features.Meetings;

/// <summary>A meeting request as one side sees it: the other person, whether it came to them, its state and words.</summary>
public sealed record MeetingRequestView(
    Guid Id, Guid OtherId, string OtherName, string OtherOrganisation, bool Incoming, MeetingRequestStatus Status, string? Message, string? Reply,
    DateTime CreatedAt);

/// <summary>Someone's B2B page: who they are, the other side's directory, and their requests.</summary>
public sealed record MyMeetingsView(
    MeetingParty Party, string Name, string MissionTitle, string When, DirectoryView Directory, IReadOnlyList<MeetingRequestView> Requests);

/// <summary>A request as organisers see it.</summary>
public sealed record MeetingRequestSummary(
    Guid Id, Guid DelegateId, string DelegateName, string DelegateOrganisation, Guid CounterpartId, string CounterpartName, string CounterpartOrganisation,
    MeetingParty From, MeetingRequestStatus Status, string? Message, string? Reply, DateTime CreatedAt, DateTime? AnsweredAt);
