using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Travel;

/// <summary>What kind of place delegates arrive at or leave from.</summary>
public enum HubKind
{
    Airport,
    Station,
    Port,
    Other,
}

/// <summary>
/// An airport, station or port where delegates arrive and leave (London Heathrow, St Pancras International), with
/// its own time zone: scheduled times are typed in the place's zone, as timetables give them, which is not always
/// the mission's (a delegation may fly into Dublin for a mission in Belfast, or arrive in Paris first).
/// </summary>
public sealed class TravelHub : IVersioned
{
    public const int NameMax = 120;
    public const int CodeMax = 8;

    private TravelHub()
    {
    }

    public TravelHub(Guid missionId, string name, string? code, HubKind kind, string timeZoneId)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Change(name, code, kind, timeZoneId);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>IATA airport code (LHR) or station code (STP), shown on manifests; optional.</summary>
    public string? Code { get; private set; }

    public HubKind Kind { get; private set; }

    /// <summary>IANA time zone of the place, e.g. Europe/London.</summary>
    public string TimeZoneId { get; private set; } = "";

    public int Version { get; set; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>"London Heathrow (LHR)".</summary>
    public string Label => Code is null ? Name : $"{Name} ({Code})";

    /// <exception cref="DomainException">On "TimeZoneId" when it is not a known IANA zone.</exception>
    public void Change(string name, string? code, HubKind kind, string timeZoneId)
    {
        // The same check as the mission's own zone: an IANA name both the system and NodaTime know (not a Windows name).
        if (!Missions.MissionTime.IsKnownZone(timeZoneId?.Trim()))
        {
            throw new DomainException(nameof(TimeZoneId), $"'{timeZoneId}' is not a known IANA time zone, e.g. Europe/London: times at this place are read in its zone.");
        }

        Name = name.Trim();
        Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
        Kind = kind;
        TimeZoneId = timeZoneId!.Trim();
    }
}
