namespace MissionPlanner.Domain.Missions;

/// <summary>
/// One change to the programme, waiting to be told to the people it affects. Changes are sent
/// together once the programme has been quiet for a while, one email per person per batch.
/// </summary>
public sealed class ProgrammeChange
{
    private ProgrammeChange()
    {
    }

    public ProgrammeChange(Guid missionId, Guid itemId, string description, IEnumerable<Guid> affected, DateTime at)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        ItemId = itemId;
        Description = description.Length > 500 ? description[..500] : description;
        Affected = string.Join(',', affected.Distinct().Select(a => a.ToString("N")));
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid ItemId { get; private set; }

    /// <summary>What happened, for people: "'Lab tour' moves to Tuesday 19 January, 10:00–12:00".</summary>
    public string Description { get; private set; } = "";

    /// <summary>The registrations (comma-separated ids) whose programme it touches, before or after the change.</summary>
    public string Affected { get; private set; } = "";
    public DateTime At { get; private set; }
    public DateTime? NotifiedAt { get; private set; }

    public IEnumerable<Guid> AffectedIds => Affected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);

    public void Notified(DateTime now) => NotifiedAt = now;
}
