using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Rooms;

/// <summary>
/// Proposes rooms for every confirmed delegate who asked for accommodation and has none, keeping the rooms already
/// given (<see cref="RoomPlanner"/>): those who asked to share together, everyone else alone, accessible rooms first for
/// those with accessibility needs, nights from travel, only rooms held. Returns how many delegates got a room; the rest
/// show as warnings.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ProposeRoomsCommand(Guid MissionId) : IRequest<int>, IMissionRequest;

public sealed class ProposeRoomsHandler(AppDbContext db) : IRequestHandler<ProposeRoomsCommand, int>
{
    public async Task<int> Handle(ProposeRoomsCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        var blocks = await db.RoomBlocks.Where(b => b.MissionId == mission.Id).ToListAsync(cancellationToken);
        var taken = await db.RoomAssignments.AsNoTracking().Where(a => a.MissionId == mission.Id).ToListAsync(cancellationToken);
        var housed = taken.Select(a => a.RegistrationId).ToHashSet();
        var people = (await Rooms.PeopleAsync(db, mission, cancellationToken))
            .Where(p => p.Status == RegistrationStatus.Confirmed && p.AccommodationNeeded).ToList();
        var placements = RoomPlanner.Propose(
            blocks.Select(b => new RoomPlanner.Block(b.Id, b.Capacity, b.Accessible, b.FirstNight, b.LastNight, b.RoomsHeld, b.RoomType == RoomType.Twin)).ToList(),
            taken.Select(a => new RoomPlanner.Stay(a.BlockId, a.Room, a.CheckIn, a.CheckOut)).ToList(),
            Rooms.Parties(people, housed));
        foreach (var placement in placements)
        {
            foreach (var person in placement.Party.People)
            {
                var stay = people.First(p => p.Id == person);
                db.RoomAssignments.Add(new RoomAssignment(mission.Id, placement.BlockId, placement.Room, person, stay.CheckIn, stay.CheckOut));
            }
        }

        // Rooms given change what the blocks hold: their versions move on, so a concurrent change to one fails instead of overfilling a room.
        foreach (var block in blocks.Where(b => placements.Any(p => p.BlockId == b.Id)))
        {
            db.Entry(block).State = EntityState.Modified;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return placements.Sum(p => p.Party.People.Count);
    }
}
