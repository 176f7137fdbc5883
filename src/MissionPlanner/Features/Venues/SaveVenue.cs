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
        venue.Update(request.Name, request.Address ?? "", request.City ?? "", request.Kind, request.Latitude, request.Longitude);
        venue.SetOpeningHours(request.OpensAt, request.ClosesAt);
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

        var visits = await db.Visits.CountAsync(v => v.VenueId == venue.Id, cancellationToken);
        if (visits > 0)
        {
            throw new DomainException("VenueId", $"The venue is used by {visits} visit(s); move them to another venue first.");
        }

        db.Venues.Remove(venue);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>How many minutes it takes to get between two venues (either way); 0 or empty removes it.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetTravelTimeCommand(Guid FromVenueId, Guid ToVenueId, int? Minutes) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetTravelTimeValidator : AbstractValidator<SetTravelTimeCommand>
{
    public SetTravelTimeValidator()
    {
        RuleFor(x => x.Minutes).InclusiveBetween(0, 24 * 60);
        RuleFor(x => x.ToVenueId).NotEqual(x => x.FromVenueId).WithMessage("Choose two different venues.");
    }
}

public sealed class SetTravelTimeHandler(AppDbContext db) : IRequestHandler<SetTravelTimeCommand, Unit>
{
    public async Task<Unit> Handle(SetTravelTimeCommand request, CancellationToken cancellationToken)
    {
        var both = new[] { request.FromVenueId, request.ToVenueId };
        if (await db.Venues.CountAsync(v => v.MissionId == request.MissionId && both.Contains(v.Id), cancellationToken) != 2)
        {
            throw new DomainException("ToVenueId", "Both venues must belong to this mission.");
        }

        var pair = new VenueTravelTime(request.MissionId, request.FromVenueId, request.ToVenueId, request.Minutes ?? 0);
        var existing = await db.VenueTravelTimes.FirstOrDefaultAsync(t => t.FromVenueId == pair.FromVenueId && t.ToVenueId == pair.ToVenueId, cancellationToken);
        if (request.Minutes is null or 0)
        {
            if (existing is not null)
            {
                db.VenueTravelTimes.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.VenueTravelTimes.Add(pair);
        }
        else
        {
            existing.Change(request.Minutes.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed record TravelTimeDto(Guid FromVenueId, string From, Guid ToVenueId, string To, int Minutes);

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListTravelTimesQuery(Guid MissionId) : IRequest<IReadOnlyList<TravelTimeDto>>, IMissionRequest;

public sealed class ListTravelTimesHandler(AppDbContext db) : IRequestHandler<ListTravelTimesQuery, IReadOnlyList<TravelTimeDto>>
{
    public async Task<IReadOnlyList<TravelTimeDto>> Handle(ListTravelTimesQuery request, CancellationToken cancellationToken)
    {
        var names = await db.Venues.AsNoTracking().Where(v => v.MissionId == request.MissionId).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        return (await db.VenueTravelTimes.AsNoTracking().Where(t => t.MissionId == request.MissionId).ToListAsync(cancellationToken))
            .Select(t => new TravelTimeDto(t.FromVenueId, names[t.FromVenueId], t.ToVenueId, names[t.ToVenueId], t.Minutes))
            .OrderBy(t => t.From).ThenBy(t => t.To).ToList();
    }
}
