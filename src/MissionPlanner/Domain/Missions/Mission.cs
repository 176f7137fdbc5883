using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Missions;

public sealed class Mission : IVersioned
{
    public const int TitleMax = 200;
    public const int SummaryMax = 4000;
    public const int PlaceMax = 100;
    public const int MaxDays = 31;

    private Mission()
    {
    }

    public Mission(string title, string summary, string hostCountry, string hostCity, string timeZoneId,
        DateOnly startDate, DateOnly endDate, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        Status = MissionStatus.Draft;
        CreatedAt = createdAt;
        Update(title, summary, hostCountry, hostCity, timeZoneId, startDate, endDate);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string HostCountry { get; private set; } = "";
    public string HostCity { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public MissionStatus Status { get; private set; }
    public bool IsDemo { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public void Update(string title, string summary, string hostCountry, string hostCity, string timeZoneId,
        DateOnly startDate, DateOnly endDate)
    {
        if (!MissionTime.IsKnownZone(timeZoneId))
        {
            throw new DomainException(nameof(TimeZoneId), $"'{timeZoneId}' is not a known IANA time zone, e.g. Europe/London.");
        }

        if (endDate < startDate)
        {
            throw new DomainException(nameof(EndDate), "The end date must be on or after the start date.");
        }

        Title = title.Trim();
        Summary = summary.Trim();
        HostCountry = hostCountry.Trim();
        HostCity = hostCity.Trim();
        TimeZoneId = timeZoneId;
        StartDate = startDate;
        EndDate = endDate;
    }

    public void MarkAsDemo() => IsDemo = true;

    /// <summary>Draft → Open → Closed → Completed; Closed may reopen while the mission has not happened.</summary>
    public void MoveTo(MissionStatus target)
    {
        var allowed = (Status, target) switch
        {
            (MissionStatus.Draft, MissionStatus.Open) => true,
            (MissionStatus.Open, MissionStatus.Closed) => true,
            (MissionStatus.Closed, MissionStatus.Open) => true,
            (MissionStatus.Closed, MissionStatus.Completed) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new DomainException(nameof(Status), $"A mission cannot move from {Status} to {target}.");
        }

        Status = target;
    }

    /// <summary>The instant range covered by the mission's days in its own time zone.</summary>
    public (DateTime From, DateTime To) UtcWindow()
    {
        var zone = TimeZone;
        return (MissionTime.ToUtc(StartDate.ToDateTime(TimeOnly.MinValue), zone),
            MissionTime.ToUtc(EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
    }

    public void EnsureWithinDays(DateTime startsAtUtc, DateTime endsAtUtc)
    {
        if (endsAtUtc <= startsAtUtc)
        {
            throw new DomainException("EndsAt", "The end must be after the start.");
        }

        var (from, to) = UtcWindow();
        if (startsAtUtc < from || endsAtUtc > to)
        {
            throw new DomainException("StartsAt",
                $"The item must fall within the mission's days ({StartDate:yyyy-MM-dd} to {EndDate:yyyy-MM-dd}, {TimeZoneId}).");
        }
    }
}
