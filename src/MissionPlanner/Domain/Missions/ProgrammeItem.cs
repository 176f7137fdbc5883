using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Missions;

public sealed class ProgrammeItem : IVersioned
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

    /// <summary>Visitors must be screened (a secure lab, an embassy): registration then asks for ID details.</summary>
    public bool RequiresIdScreening { get; private set; }
    public int Version { get; set; }

    public void RequireIdScreening(bool required) => RequiresIdScreening = required;

    public void Update(Mission mission, string title, string description, ProgrammeItemKind kind,
        DateTime startsAtUtc, DateTime endsAtUtc, Guid? venueId, int? capacity, bool allowsParallel)
    {
        mission.EnsureWithinDays(startsAtUtc, endsAtUtc);
        if (capacity is <= 0)
        {
            throw new DomainException(nameof(Capacity), "Capacity must be a positive number, or empty for no limit.");
        }

        Title = title.Trim();
        Description = description.Trim();
        Kind = kind;
        StartsAt = DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc);
        EndsAt = DateTime.SpecifyKind(endsAtUtc, DateTimeKind.Utc);
        VenueId = venueId;
        Capacity = capacity;
        AllowsParallel = allowsParallel;
    }
}
