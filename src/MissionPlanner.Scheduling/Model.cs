namespace MissionPlanner.Scheduling;

/// <summary>A span of time at a place (a venue id), in UTC or any one clock: the solver only compares.</summary>
public readonly record struct Slot(DateTime Start, DateTime End, string Venue)
{
    public bool Overlaps(Slot other, TimeSpan gapNeeded) => Start < other.End + gapNeeded && other.Start < End + gapNeeded;
}

/// <summary>One group of a visit: a time, and how many it takes.</summary>
public sealed record VisitGroup(string Id, Slot Slot, int MinSize, int MaxSize);

/// <summary>A lab tour or company visit with its groups and what visitors must satisfy (e.g. "id-screening").</summary>
public sealed record Visit(string Id, string Name, IReadOnlyList<VisitGroup> Groups, IReadOnlySet<string> Requirements);

/// <summary>
/// Someone to place: visits in order of preference (first is best), what they satisfy, what else is
/// in their programme, and groups an organiser pinned them to.
/// </summary>
public sealed record Participant(
    string Id, IReadOnlyList<string> Preferences, IReadOnlySet<string> Satisfies, IReadOnlyList<Slot> Busy, IReadOnlyList<string> PinnedGroups);

/// <summary>Minutes to get from one venue to another (0 for the same venue).</summary>
public delegate int TravelMinutes(string fromVenue, string toVenue);

public sealed record SchedulingProblem(
    IReadOnlyList<Visit> Visits, IReadOnlyList<Participant> Participants, TravelMinutes Travel, int VisitsPerParticipant = 1, int TopChoices = 2);

public enum Reason
{
    Full,
    Clash,
    Requirement,
    TooFewForAGroup,
}

/// <summary>Why someone did not get a visit they ranked higher than what they got.</summary>
public sealed record Explanation(string VisitId, int Rank, Reason Reason);

public sealed record Placement(string ParticipantId, IReadOnlyList<string> Groups, IReadOnlyList<int> Ranks, IReadOnlyList<Explanation> Unmet);

public sealed record Score(int WithoutTopChoice, int TotalRank)
{
    public bool BetterThan(Score other) => WithoutTopChoice < other.WithoutTopChoice || WithoutTopChoice == other.WithoutTopChoice && TotalRank < other.TotalRank;
}

public sealed record Schedule(IReadOnlyDictionary<string, IReadOnlyList<string>> Members, IReadOnlyList<Placement> Placements, Score Score);

/// <summary>Input that cannot be scheduled, with what is wrong and where.</summary>
public sealed class SchedulingException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
