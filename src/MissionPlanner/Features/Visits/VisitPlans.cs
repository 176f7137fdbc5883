using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

public sealed record SchedulingResult(int Placed, int People, int WithoutTopChoice, int TotalRank, IReadOnlyList<string> Warnings);

public sealed record PlanMember(Guid RegistrationId, string Name, string Organisation, int? Rank, bool Pinned);

public sealed record PlanGroup(string Key, DateTime StartsLocal, DateTime EndsLocal, int Number, IReadOnlyList<PlanMember> Members);

public sealed record PlanVisit(
    Guid Id, string Title, string Host, string Venue, int MinGroupSize, int MaxGroupSize, bool ScreensVisitors, HostResponse HostResponse,
    string? HostMessage, IReadOnlyList<PlanGroup> Groups);

public sealed record PlanPlace(Guid VisitId, string Title, string GroupKey, DateTime StartsLocal, int? Rank, bool Pinned);

public sealed record PlanPerson(
    Guid RegistrationId, string Name, string Organisation, IReadOnlyList<string> Preferences, IReadOnlyList<PlanPlace> Places,
    IReadOnlyList<string> Unmet, bool GotTopChoice, bool HasIdDetails);

public sealed record VisitPlanView(
    DateTime? PreferencesDeadlineLocal, int VisitsPerParticipant, DateTime? LastRunAt, bool Locked, DateTime? PublishedAt, bool ChangedSincePublish,
    int WithoutTopChoice, int TotalRank, IReadOnlyList<PlanVisit> Visits, IReadOnlyList<PlanPerson> People, IReadOnlyList<string> Warnings,
    int Version);

public sealed record PublishResult(int Groups, int Added, int Removed, int Cancelled);
