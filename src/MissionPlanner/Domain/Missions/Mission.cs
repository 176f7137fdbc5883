using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Domain.Missions;

public sealed class Mission : RaisesDomainEvents, IVersioned
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

    /// <summary>Last day to register, in the mission's time zone (registration closes at its end).</summary>
    public DateOnly? RegistrationDeadline { get; private set; }

    /// <summary>Days before the deadline on which those who have not answered are reminded, e.g. "7,2".</summary>
    public string ReminderDays { get; private set; } = "7,2";

    public RegistrationMode RegistrationMode { get; private set; }

    /// <summary>Places in the delegation; empty for no limit. Beyond it people are waitlisted.</summary>
    public int? Capacity { get; private set; }

    /// <summary>Confirmed registrations, kept here so that one conditional update decides a place.</summary>
    public int ConfirmedCount { get; private set; }

    /// <summary>Counts registrations as they arrive, for waitlist order.</summary>
    public long RegistrationSequence { get; private set; }

    /// <summary>When the deadline or reminder days last changed: reminders due before then are not sent late.</summary>
    public DateTime? ReminderScheduleSetAt { get; private set; }
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

        var rescheduled = TimeZoneId.Length > 0 && (timeZoneId != TimeZoneId || startDate != StartDate || endDate != EndDate);
        Title = title.Trim();
        Summary = summary.Trim();
        HostCountry = hostCountry.Trim();
        HostCity = hostCity.Trim();
        TimeZoneId = timeZoneId;
        StartDate = startDate;
        EndDate = endDate;
        if (rescheduled)
        {
            Raise(new MissionRescheduled(this));
        }
    }

    public void MarkAsDemo() => IsDemo = true;

    public void SetRegistrationMode(RegistrationMode mode) => RegistrationMode = mode;

    public IReadOnlyList<int> ReminderDayList =>
        ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).OrderDescending().ToList();

    public void SetRegistrationSchedule(DateOnly? deadline, IReadOnlyCollection<int> reminderDays, DateOnly today, DateTime now)
    {
        if (deadline is { } d && (d < today || d > StartDate))
        {
            throw new DomainException("Deadline",
                $"The registration deadline must be between today ({today:yyyy-MM-dd}) and the first day of the mission ({StartDate:yyyy-MM-dd}).");
        }

        if (reminderDays.Any(r => r is < 1 or > 90) || reminderDays.Distinct().Count() != reminderDays.Count || reminderDays.Count > 5)
        {
            throw new DomainException(nameof(ReminderDays), "Give up to five different numbers of days between 1 and 90, e.g. 7, 2.");
        }

        RegistrationDeadline = deadline;
        ReminderDays = string.Join(',', reminderDays.OrderDescending());
        ReminderScheduleSetAt = now;
    }

    /// <summary>When the reminder N days before the deadline is due: 09:00 mission time that day.</summary>
    public DateTime? ReminderDueAt(int daysBefore) =>
        RegistrationDeadline is { } d ? MissionTime.ToUtc(d.AddDays(-daysBefore).ToDateTime(new TimeOnly(9, 0)), TimeZone) : null;

    /// <summary>Registration closes at the end of the deadline day, mission time.</summary>
    public DateTime? RegistrationClosesAt =>
        RegistrationDeadline is { } d ? MissionTime.ToUtc(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZone) : null;

    /// <summary>Personal links stop working a week after the mission ends.</summary>
    public DateTime LinksExpireAt => UtcWindow().To.AddDays(7);

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
    /// <summary>Days after the mission's last day that personal data is kept; null: the installation's default (Privacy:PersonalDataRetentionDays).</summary>
    public int? PersonalDataRetentionDays { get; private set; }

    /// <summary>When the personal data of the mission was purged, its retention period over.</summary>
    public DateTime? PersonalDataPurgedAt { get; private set; }

    public const int MaxRetentionDays = 3650;

    /// <summary>
    /// Personal data is never purged before this instant: set for missions that existed when
    /// retention came in (30 days after the upgrade), and when a shorter period would purge within a
    /// week (then a week from the change), so that nobody loses data by surprise.
    /// </summary>
    public DateTime? PersonalDataKeptUntil { get; private set; }

    /// <summary>A shorter period never purges sooner than this after the change.</summary>
    public static readonly TimeSpan RetentionChangeGrace = TimeSpan.FromDays(7);

    public void SetRetention(int? days, int defaultDays, DateTime now)
    {
        if (days is < 0 or > MaxRetentionDays)
        {
            throw new DomainException(nameof(PersonalDataRetentionDays), $"Keep personal data between 0 and {MaxRetentionDays} days after the mission.");
        }

        PersonalDataRetentionDays = days;
        if (PurgeDueAt(defaultDays) < now + RetentionChangeGrace)
        {
            PersonalDataKeptUntil = now + RetentionChangeGrace;
        }
    }

    /// <summary>
    /// The instant the personal data is due to be purged: midnight (mission time) after the last day
    /// plus the retention period in days, so a clock change in between does not move it; never
    /// before <see cref="PersonalDataKeptUntil"/>.
    /// </summary>
    public DateTime PurgeDueAt(int defaultDays)
    {
        var due = MissionTime.ToUtc(EndDate.AddDays(1 + (PersonalDataRetentionDays ?? defaultDays)).ToDateTime(TimeOnly.MinValue), TimeZone);
        return PersonalDataKeptUntil is { } kept && kept > due ? kept : due;
    }

    public void PersonalDataPurged(DateTime now) => PersonalDataPurgedAt = now;

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

/// <summary>The mission's days or time zone changed: whatever is computed from them (link expiry) is computed again.</summary>
public sealed record MissionRescheduled(Mission Mission) : IDomainEvent;
