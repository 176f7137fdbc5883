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
    public int Version { get; set; }

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
