using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeleteProgrammeItemCommand(Guid MissionId, Guid ItemId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteProgrammeItemHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<DeleteProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(DeleteProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems
            .FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        ProgrammeChangeLog.Record(db, item, $"'{item.Title}' ({ProgrammeChangeLog.When(item, mission)}) is no longer in the programme.",
            await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken), clock.GetUtcNow().UtcDateTime);
        db.ProgrammeItems.Remove(item);
        await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
