using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Venues;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateVenueCommand(
    string Name, string? Address, string? City, VenueKind Kind, double? Latitude, double? Longitude, int Version)
    : IRequest<Unit>, IMissionRequest, IVenueFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid VenueId { get; init; }

    public TimeOnly? OpensAt { get; init; }
    public TimeOnly? ClosesAt { get; init; }
}

public sealed class UpdateVenueValidator : AbstractValidator<UpdateVenueCommand>
{
    public UpdateVenueValidator() => Include(new VenueFieldsValidator());
}

public sealed class UpdateVenueHandler(AppDbContext db) : IRequestHandler<UpdateVenueCommand, Unit>
{
    public async Task<Unit> Handle(UpdateVenueCommand request, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.MissionId == request.MissionId && v.Id == request.VenueId, cancellationToken)
            ?? throw new NotFoundException("Venue");
        db.ExpectVersion(venue, request.Version);
        if (venue.Kind == VenueKind.Hotel && request.Kind != VenueKind.Hotel
            && await db.RoomBlocks.AnyAsync(b => b.HotelId == venue.Id, cancellationToken))
        {
            throw new DomainException("Kind", "The hotel has room blocks: it stays a hotel while they exist.");
        }

        venue.Update(request.Name, request.Address ?? "", request.City ?? "", request.Kind, request.Latitude, request.Longitude);
        venue.SetOpeningHours(request.OpensAt, request.ClosesAt);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
