using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

/// <summary>Cancels an item (or takes the cancellation back): it stays in itineraries and calendars, marked cancelled.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelProgrammeItemCommand(Guid MissionId, Guid ItemId, bool Cancelled = true) : IRequest<Unit>, IMissionRequest;

public sealed class CancelProgrammeItemHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CancelProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(CancelProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems.FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        if (request.Cancelled)
        {
            item.Cancel();
        }
        else
        {
            item.Reinstate();
        }

        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        ProgrammeChangeLog.Record(db, item, request.Cancelled
                ? $"'{item.Title}' ({ProgrammeChangeLog.When(item, mission)}) is cancelled."
                : $"'{item.Title}' ({ProgrammeChangeLog.When(item, mission)}) takes place after all.",
            await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken), clock.GetUtcNow().UtcDateTime);
        await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
