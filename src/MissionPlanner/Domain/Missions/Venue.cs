using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Missions;

public sealed class Venue : IVersioned
{
    public const int NameMax = 200;
    public const int AddressMax = 500;

    private Venue()
    {
    }

    public Venue(Guid missionId, string name, string address, string city, VenueKind kind, double? latitude, double? longitude)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Update(name, address, city, kind, latitude, longitude);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string City { get; private set; } = "";
    public VenueKind Kind { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }

    /// <summary>Daily opening hours in mission time; empty means no limit is known.</summary>
    public TimeOnly? OpensAt { get; private set; }
    public TimeOnly? ClosesAt { get; private set; }
    public int Version { get; set; }

    public void SetOpeningHours(TimeOnly? opensAt, TimeOnly? closesAt)
    {
        if (opensAt.HasValue != closesAt.HasValue)
        {
            throw new DomainException(nameof(OpensAt), "Give both the opening and the closing time, or neither.");
        }

        if (opensAt >= closesAt)
        {
            throw new DomainException(nameof(ClosesAt), "The venue must close after it opens.");
        }

        OpensAt = opensAt;
        ClosesAt = closesAt;
    }

    public void Update(string name, string address, string city, VenueKind kind, double? latitude, double? longitude)
    {
        if (latitude.HasValue != longitude.HasValue)
        {
            throw new DomainException(nameof(Latitude), "Give both latitude and longitude, or neither.");
        }

        Name = name.Trim();
        Address = address.Trim();
        City = city.Trim();
        Kind = kind;
        Latitude = latitude;
        Longitude = longitude;
    }
}

/// <summary>How long it takes to get from one venue to another (either way), for the programme's warnings.</summary>
public sealed class VenueTravelTime
{
    private VenueTravelTime()
    {
    }

    public VenueTravelTime(Guid missionId, Guid fromVenueId, Guid toVenueId, int minutes)
    {
        MissionId = missionId;
        (FromVenueId, ToVenueId) = fromVenueId.CompareTo(toVenueId) < 0 ? (fromVenueId, toVenueId) : (toVenueId, fromVenueId);
        Minutes = minutes;
    }

    public Guid MissionId { get; private set; }
    public Guid FromVenueId { get; private set; }
    public Guid ToVenueId { get; private set; }
    public int Minutes { get; private set; }

    public void Change(int minutes) => Minutes = minutes;
}
