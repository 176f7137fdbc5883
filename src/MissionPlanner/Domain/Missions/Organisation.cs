using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Missions;

/// <summary>
/// A university, company, start-up or ministry taking part in a mission. Kept per mission: the
/// same company may be a delegate on one mission and a host on another, with other contacts.
/// </summary>
public sealed class Organisation : IVersioned
{
    public const int NameMax = 200;

    private Organisation()
    {
    }

    public Organisation(Guid missionId, string name, string country, Sector sector)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Name = name.Trim();
        Country = country.Trim();
        Sector = sector;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Name { get; private set; } = "";
    public string Country { get; private set; } = "";
    public Sector Sector { get; private set; }
    public int Version { get; set; }
}
