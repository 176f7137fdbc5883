using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Travel;

/// <summary>How a delegate travels to or from the mission.</summary>
public enum LegMode
{
    Flight,
    Train,
    Car,
    Ferry,
    Coach,
}

/// <summary>Whether a leg brings the delegate to the mission or takes them home.</summary>
public enum LegDirection
{
    Arrival,
    Departure,
}

/// <summary>
/// How a delegate arrives at or leaves the mission: by what (flight, train, car, ferry), the carrier and its number,
/// the place at the mission's end (<see cref="HubId"/>) and the other end in words, and the scheduled time at the hub,
/// typed in the hub's time zone and stored in UTC. A delegate has at most one arrival and one departure; the arrival
/// comes before the departure.
/// </summary>
public sealed class TravelLeg : IVersioned
{
    public const int CarrierMax = 60;
    public const int NumberMax = 12;
    public const int OtherEndMax = 120;

    private TravelLeg()
    {
    }

    public TravelLeg(Guid missionId, Guid registrationId, LegDirection direction)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        RegistrationId = registrationId;
        Direction = direction;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid RegistrationId { get; private set; }
    public LegDirection Direction { get; private set; }
    public LegMode Mode { get; private set; }

    /// <summary>"KLM", "Eurostar"; optional for a car.</summary>
    public string? Carrier { get; private set; }

    /// <summary>Flight or train number, "KL1007", "9014".</summary>
    public string? Number { get; private set; }

    /// <summary>The airport, station or port at the mission's end.</summary>
    public Guid HubId { get; private set; }

    /// <summary>Where the journey starts (an arrival) or goes (a departure), e.g. "Amsterdam Schiphol (AMS)".</summary>
    public string? OtherEnd { get; private set; }

    /// <summary>UTC: when it lands or arrives at the hub (an arrival) or leaves it (a departure).</summary>
    public DateTime ScheduledAt { get; private set; }

    /// <summary>The delegate agrees that the travel team and drivers see their mobile number for this journey.</summary>
    public bool ShareMobile { get; private set; }

    public DateTime UpdatedAt { get; private set; }
    public int Version { get; set; }

    /// <param name="shareMobile">Null keeps the consent stored (an organiser's or an import's change does not give or take it).</param>
    public void Change(LegMode mode, string? carrier, string? number, TravelHub hub, string? otherEnd, DateTime scheduledAt, bool? shareMobile, DateTime now)
    {
        if (mode is LegMode.Flight or LegMode.Train && string.IsNullOrWhiteSpace(number))
        {
            throw new DomainException(nameof(Number), $"Give the {(mode == LegMode.Flight ? "flight" : "train")} number, e.g. {(mode == LegMode.Flight ? "KL1007" : "9014")}: manifests and drivers go by it.");
        }

        Mode = mode;
        Carrier = Clean(carrier);
        Number = Clean(number)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        HubId = hub.Id;
        OtherEnd = Clean(otherEnd);
        ScheduledAt = scheduledAt;
        ShareMobile = shareMobile ?? ShareMobile;
        UpdatedAt = now;
    }

    /// <summary>"KL 1007" style, for manifests: carrier and number as given.</summary>
    public string Service => string.Join(' ', new[] { Carrier, Number }.Where(x => x is not null));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
