using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Venues;

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

        var blocks = await db.RoomBlocks.CountAsync(b => b.HotelId == venue.Id, cancellationToken);
        if (blocks > 0)
        {
            throw new DomainException("VenueId", $"The hotel has {blocks} room block(s); remove them on the Rooms page first.");
        }

        db.Venues.Remove(venue);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
