namespace MissionPlanner.Common;

/// <summary>
/// Who is sending the current request. The web host fills it from the cookie or bearer token;
/// the CLI verbs and background jobs act as the system, which passes every role check.
/// </summary>
public sealed class CurrentUser
{
    public Guid? OrganiserId { get; private set; }
    public bool IsSystem { get; private set; }

    public void SignedIn(Guid organiserId) => OrganiserId = organiserId;

    public void ActAsSystem() => IsSystem = true;

    public Guid RequireOrganiser() =>
        OrganiserId ?? throw new UnauthorizedAccessException("Sign in as an organiser first.");
}
