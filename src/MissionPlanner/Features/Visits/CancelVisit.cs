using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// Cancels a visit: its groups leave everyone's programme (they are emailed with the next batch of
/// programme changes, and the booklet and itineraries already printed are printed again), and the
/// host's link no longer shows it.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelVisitCommand(Guid MissionId, Guid VisitId) : IRequest<Unit>, IMissionRequest;

public sealed class CancelVisitHandler(AppDbContext db) : IRequestHandler<CancelVisitCommand, Unit>
{
    public async Task<Unit> Handle(CancelVisitCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.MissionId == request.MissionId && v.Id == request.VisitId, cancellationToken)
            ?? throw new NotFoundException("Visit");
        var plan = await VisitPlans.GetAsync(db, request.MissionId, cancellationToken);
        plan.EnsureUnlocked();
        visit.Cancel(); // its published groups are cancelled with it (CancelGroupsOfCancelledVisit)
        db.VisitAssignments.RemoveRange(await db.VisitAssignments.Where(a => a.VisitId == visit.Id).ToListAsync(cancellationToken));
        plan.Changed();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
