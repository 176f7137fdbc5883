using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Missions;

/// <summary>Only a draft can be deleted: once invitations may have gone out, close it instead.</summary>
[RequiresRole(MissionRoleKind.Owner)]
public sealed record DeleteMissionCommand(Guid MissionId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteMissionHandler(AppDbContext db) : IRequestHandler<DeleteMissionCommand, Unit>
{
    public async Task<Unit> Handle(DeleteMissionCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken)
            ?? throw new NotFoundException("Mission");
        if (mission.Status != MissionStatus.Draft)
        {
            throw new DomainException(nameof(mission.Status), $"Only draft missions can be deleted; this one is {mission.Status}.");
        }

        // Programme items point at venues with a restricting key; removing them in the same
        // SaveChanges lets EF order the deletes and keeps it one transaction.
        db.ProgrammeItems.RemoveRange(await db.ProgrammeItems.Where(p => p.MissionId == mission.Id).ToListAsync(cancellationToken));
        // Visits point at hosts and venues, ceremony people at parties, in the same way.
        db.Visits.RemoveRange(await db.Visits.Where(v => v.MissionId == mission.Id).ToListAsync(cancellationToken));
        // Journeys and transfer services point at the mission's airports and stations the same way.
        db.TransferServices.RemoveRange(await db.TransferServices.Where(t => t.MissionId == mission.Id).ToListAsync(cancellationToken));
        db.TravelLegs.RemoveRange(await db.TravelLegs.Where(l => l.MissionId == mission.Id).ToListAsync(cancellationToken));
        // Room blocks point at the hotel venues the same way (their assignments go with them).
        db.RoomBlocks.RemoveRange(await db.RoomBlocks.Where(b => b.MissionId == mission.Id).ToListAsync(cancellationToken));
        db.CeremonyPeople.RemoveRange(await db.CeremonyPeople.Where(p => db.Ceremonies.Any(c => c.Id == p.CeremonyId && c.MissionId == mission.Id)).ToListAsync(cancellationToken));
        db.Missions.Remove(mission);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
