namespace MissionPlanner.Features.Venues;

public sealed record TravelTimeDto(Guid FromVenueId, string From, Guid ToVenueId, string To, int Minutes);
