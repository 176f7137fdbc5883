namespace MissionPlanner.Domain.Organisers;

public enum MissionRoleKind
{
    Viewer = 0,
    Organiser = 1,
    Owner = 2,
}

public sealed class Organiser
{
    public const int EmailMax = 254;

    private Organiser()
    {
    }

    public Organiser(string email, string displayName, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        Email = NormaliseEmail(email);
        DisplayName = displayName.Trim();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? DisabledAt { get; private set; }

    /// <summary>See <see cref="Common.EmailAddress.Normalise"/>: the one canonical form every stored address has.</summary>
    public static string NormaliseEmail(string email) => Common.EmailAddress.Normalise(email);
}

public sealed class MissionRole
{
    private MissionRole()
    {
    }

    public MissionRole(Guid missionId, Guid organiserId, MissionRoleKind role)
    {
        MissionId = missionId;
        OrganiserId = organiserId;
        Role = role;
    }

    public Guid MissionId { get; private set; }
    public Guid OrganiserId { get; private set; }
    public MissionRoleKind Role { get; set; }
}
