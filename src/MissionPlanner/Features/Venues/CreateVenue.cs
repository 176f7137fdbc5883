using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Venues;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateVenueCommand(
    string Name, string? Address, string? City, VenueKind Kind, double? Latitude, double? Longitude)
    : IRequest<Guid>, IMissionRequest, IVenueFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    /// <summary>Daily opening hours in mission time, for the programme's warnings.</summary>
    public TimeOnly? OpensAt { get; init; }
    public TimeOnly? ClosesAt { get; init; }
}

public sealed class CreateVenueValidator : AbstractValidator<CreateVenueCommand>
{
    public CreateVenueValidator() => Include(new VenueFieldsValidator());
}

public sealed class CreateVenueHandler(AppDbContext db) : IRequestHandler<CreateVenueCommand, Guid>
{
    public async Task<Guid> Handle(CreateVenueCommand request, CancellationToken cancellationToken)
    {
        var venue = new Venue(request.MissionId, request.Name, request.Address ?? "", request.City ?? "",
            request.Kind, request.Latitude, request.Longitude);
        venue.SetOpeningHours(request.OpensAt, request.ClosesAt);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(cancellationToken);
        return venue.Id;
    }
}
