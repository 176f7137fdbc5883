using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Visits;

/// <summary>Locks the schedule (no runs or moves, preferences closed) or unlocks it.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record LockVisitPlanCommand(Guid MissionId, bool Locked) : IRequest<Unit>, IMissionRequest;

public sealed class LockVisitPlanHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<LockVisitPlanCommand, Unit>
{
    public async Task<Unit> Handle(LockVisitPlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await VisitPlans.GetAsync(db, request.MissionId, cancellationToken);
        if (request.Locked)
        {
            plan.Lock(clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            plan.Unlock();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
