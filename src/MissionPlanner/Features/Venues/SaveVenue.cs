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
public sealed record CreateVenueCommand(
    string Name, string? Address, string? City, VenueKind Kind, double? Latitude, double? Longitude)
    : IRequest<Guid>, IMissionRequest, IVenueFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
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
        db.Venues.Add(venue);
        await db.SaveChangesAsync(cancellationToken);
        return venue.Id;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateVenueCommand(
    string Name, string? Address, string? City, VenueKind Kind, double? Latitude, double? Longitude, int Version)
    : IRequest<Unit>, IMissionRequest, IVenueFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid VenueId { get; init; }
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
        venue.Update(request.Name, request.Address ?? "", request.City ?? "", request.Kind, request.Latitude, request.Longitude);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeleteVenueCommand(Guid MissionId, Guid VenueId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteVenueHandler(AppDbContext db) : IRequestHandler<DeleteVenueCommand, Unit>
{
    public async Task<Unit> Handle(DeleteVenueCommand request, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.MissionId == request.MissionId && v.Id == request.VenueId, cancellationToken)
            ?? throw new NotFoundException("Venue");
        var used = await db.ProgrammeItems.CountAsync(p => p.VenueId == venue.Id, cancellationToken);
        if (used > 0)
        {
            throw new DomainException("VenueId", $"The venue is used by {used} programme item(s); move them to another venue first.");
        }

        db.Venues.Remove(venue);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
