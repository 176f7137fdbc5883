using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CompleteCeremonyTaskCommand(Guid MissionId, Guid CeremonyId, Guid TaskId, bool Done) : IRequest<Unit>, IMissionRequest;

public sealed class CompleteCeremonyTaskHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CompleteCeremonyTaskCommand, Unit>
{
    public async Task<Unit> Handle(CompleteCeremonyTaskCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var task = await db.CeremonyTasks.FirstOrDefaultAsync(t => t.CeremonyId == ceremony.Id && t.Id == request.TaskId, cancellationToken)
            ?? throw new NotFoundException("Task");
        task.Complete(request.Done, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
