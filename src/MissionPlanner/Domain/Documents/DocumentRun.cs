namespace MissionPlanner.Domain.Documents;

public enum DocumentKind
{
    Itineraries,
    Booklet,
    DelegationList,
    Badges,
    MissionReport,

    /// <summary>Arrivals and departures per day and airport or station (<c>manifest.pdf</c>).</summary>
    Manifest,

    /// <summary>Per hotel, rooms and their guests with nights, for the hotel (<c>rooming-list.pdf</c>).</summary>
    RoomingList,

    /// <summary>One page per vehicle of the published transfers: when, where, the meeting point and the passengers (<c>driver-sheets.pdf</c>).</summary>
    DriverSheets,
}

public enum DocumentRunStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One generation of a mission's documents of one kind, kept as its own version under the data
/// directory. Claimed by a worker with a conditional update; a claim that goes stale (the worker
/// died) is taken over, and files already printed are not printed again.
/// </summary>
public sealed class DocumentRun
{
    private DocumentRun()
    {
    }

    public DocumentRun(Guid missionId, DocumentKind kind, int version, string reason, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Kind = kind;
        Version = version;
        Reason = reason;
        Status = DocumentRunStatus.Queued;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public DocumentKind Kind { get; private set; }

    /// <summary>1, 2, 3… per mission and kind: each generation is kept in its own folder.</summary>
    public int Version { get; private set; }

    /// <summary>Why it was generated, e.g. "requested by an organiser" or "the programme changed".</summary>
    public string Reason { get; private set; } = "";
    public DocumentRunStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Done { get; private set; }
    public string? Error { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ClaimedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    public string Folder => Path.Combine("documents", MissionId.ToString("N"), Kind.ToString().ToLowerInvariant(), $"v{Version}");
}
