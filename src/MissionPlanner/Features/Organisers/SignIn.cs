namespace MissionPlanner.Features.Organisers;

public sealed record SignedInOrganiser(Guid OrganiserId, string Email, string DisplayName);
