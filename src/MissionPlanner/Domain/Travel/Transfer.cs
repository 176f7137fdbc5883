using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Travel;

/// <summary>Which way a transfer service runs: from the airport or station after arrivals, or to it before departures.</summary>
public enum TransferDirection
{
    FromHub,
    ToHub,
}

/// <summary>
/// A transfer service the organisers arrange: vehicles of <see cref="VehicleCapacity"/> seats between an airport or
/// station and a place (the hotel, the first venue). For arrivals a delegate is ready <see cref="BufferMinutes"/> after
/// landing (baggage, passport control); for departures they must be at the hub that long before leaving. Nobody waits
/// longer than <see cref="MaxWaitMinutes"/> for their vehicle (arrivals) or at the hub (departures). Organisers let
/// the app propose the vehicle runs, adjust them, and publish: then each delegate's itinerary shows their transfer.
/// </summary>
public sealed class TransferService : IVersioned
{
    public const int NameMax = 120;
    public const int PlaceMax = 200;
    public const int MeetingPointMax = 200;

    private TransferService()
    {
    }

    public TransferService(Guid missionId, TravelHub hub, TransferDirection direction)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        HubId = hub.Id;
        Direction = direction;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid HubId { get; private set; }
    public TransferDirection Direction { get; private set; }

    /// <summary>"Heathrow to the hotel".</summary>
    public string Name { get; private set; } = "";

    /// <summary>The other end: "Hotel Russell, 1–8 Russell Square".</summary>
    public string Place { get; private set; } = "";

    /// <summary>Where delegates meet the driver: "Arrivals hall, by Costa Coffee" or "Hotel lobby".</summary>
    public string MeetingPoint { get; private set; } = "";

    public int VehicleCapacity { get; private set; }
    public int MaxWaitMinutes { get; private set; }
    public int BufferMinutes { get; private set; }

    /// <summary>To the hub: how long the drive takes, so passengers are told when the vehicle leaves the place (its run reaches the hub at its time).</summary>
    public int DriveMinutes { get; private set; }

    public DateTime? PublishedAt { get; private set; }
    public int Version { get; set; }

    /// <exception cref="DomainException">On "VehicleCapacity", "MaxWaitMinutes" or "BufferMinutes" out of range.</exception>
    public void Change(string name, string place, string meetingPoint, int vehicleCapacity, int maxWaitMinutes, int bufferMinutes, int driveMinutes)
    {
        if (driveMinutes is < 0 or > 600)
        {
            throw new DomainException(nameof(DriveMinutes), "The drive takes between 0 and 600 minutes.");
        }

        if (vehicleCapacity is < 1 or > 100)
        {
            throw new DomainException(nameof(VehicleCapacity), "A vehicle seats between 1 and 100 passengers.");
        }

        if (maxWaitMinutes is < 0 or > 600)
        {
            throw new DomainException(nameof(MaxWaitMinutes), "The longest wait is between 0 and 600 minutes.");
        }

        if (bufferMinutes is < 0 or > 600)
        {
            throw new DomainException(nameof(BufferMinutes), "The time to allow at the airport or station is between 0 and 600 minutes.");
        }

        Name = name.Trim();
        Place = place.Trim();
        MeetingPoint = meetingPoint.Trim();
        VehicleCapacity = vehicleCapacity;
        MaxWaitMinutes = maxWaitMinutes;
        BufferMinutes = bufferMinutes;
        DriveMinutes = driveMinutes;
    }

    public void Publish(DateTime now) => PublishedAt = now;
}

/// <summary>
/// One vehicle's run of a <see cref="TransferService"/>: number 1, 2, … and when it leaves the hub (arrivals) or
/// reaches it (departures), with its passengers.
/// </summary>
public sealed class TransferRun
{
    private readonly List<TransferPassenger> _passengers = [];

    private TransferRun()
    {
    }

    public TransferRun(Guid serviceId, int number, DateTime at, IEnumerable<Guid> registrationIds)
    {
        Id = Guid.NewGuid();
        ServiceId = serviceId;
        Number = number;
        At = at;
        _passengers.AddRange(registrationIds.Select(r => new TransferPassenger(Id, r)));
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public int Number { get; private set; }

    /// <summary>UTC: the vehicle leaves the hub (from the hub) or reaches it (to the hub).</summary>
    public DateTime At { get; private set; }

    public IReadOnlyList<TransferPassenger> Passengers => _passengers;

    public void Retime(DateTime at) => At = at;

    public void Board(Guid registrationId) => _passengers.Add(new TransferPassenger(Id, registrationId));

    public void Leave(Guid registrationId) => _passengers.RemoveAll(p => p.RegistrationId == registrationId);
}

/// <summary>A delegate in a transfer run.</summary>
public sealed class TransferPassenger
{
    private TransferPassenger()
    {
    }

    public TransferPassenger(Guid runId, Guid registrationId)
    {
        RunId = runId;
        RegistrationId = registrationId;
    }

    public Guid RunId { get; private set; }
    public Guid RegistrationId { get; private set; }
}

/// <summary>
/// Proposes vehicle runs for one transfer service: the fewest vehicles such that no vehicle is over capacity and nobody
/// waits longer than allowed. Delegates are taken in time order and a vehicle is filled while the first one in it would
/// not wait too long (for departures, from the latest backwards); this greedy choice is optimal for points on a line
/// grouped into windows of a fixed width with a capacity (exchanging any optimal grouping's first group for the greedy
/// one never adds a group). O(n log n).
/// </summary>
public static class TransferPlanner
{
    /// <param name="readyAt">Per delegate: when they are ready at the hub (arrivals: landing + buffer), or when they must
    /// be at it (departures: leaving − buffer), UTC.</param>
    /// <returns>The runs in time order: when each vehicle leaves the hub (arrivals: its last passenger is ready) or reaches
    /// it (departures: its first passenger must be there), and who is in it.</returns>
    public static IReadOnlyList<(DateTime At, IReadOnlyList<Guid> People)> Propose(TransferDirection direction, IReadOnlyList<(Guid Person, DateTime ReadyAt)> readyAt,
        int capacity, TimeSpan maxWait)
    {
        var runs = new List<(DateTime At, IReadOnlyList<Guid> People)>();
        var ordered = direction == TransferDirection.FromHub
            ? readyAt.OrderBy(p => p.ReadyAt).ThenBy(p => p.Person).ToList()
            : readyAt.OrderByDescending(p => p.ReadyAt).ThenBy(p => p.Person).ToList();
        var i = 0;
        while (i < ordered.Count)
        {
            var first = ordered[i];
            var group = new List<Guid>();
            var last = first.ReadyAt;
            while (i < ordered.Count && group.Count < capacity && (ordered[i].ReadyAt - first.ReadyAt).Duration() <= maxWait)
            {
                group.Add(ordered[i].Person);
                last = ordered[i].ReadyAt;
                i++;
            }

            // From the hub the vehicle leaves when its last passenger is ready; to the hub it arrives when its earliest must be there.
            runs.Add((last, group));
        }

        return runs.OrderBy(r => r.At).ToList();
    }
}
