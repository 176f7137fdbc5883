using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>Locks the B2B schedule (no runs, moves or arrangements) or unlocks it.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record LockMeetingPlanCommand(Guid MissionId, bool Locked) : IRequest<Unit>, IMissionRequest;

public sealed class LockMeetingPlanHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<LockMeetingPlanCommand, Unit>
{
    public async Task<Unit> Handle(LockMeetingPlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await MeetingPlans.GetAsync(db, request.MissionId, cancellationToken);
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
