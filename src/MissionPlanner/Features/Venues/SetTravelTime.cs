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
