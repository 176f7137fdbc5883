using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Programme;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// Cancels a visit: its groups leave everyone's programme (they are emailed with the next batch of
/// programme changes, and the booklet and itineraries already printed are printed again), and the
/// host's link no longer shows it.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelVisitCommand(Guid MissionId, Guid VisitId) : IRequest<Unit>, IMissionRequest;

public sealed class CancelVisitHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CancelVisitCommand, Unit>
{
    public async Task<Unit> Handle(CancelVisitCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.MissionId == request.MissionId && v.Id == request.VisitId, cancellationToken)
            ?? throw new NotFoundException("Visit");
        var plan = await VisitPlans.GetAsync(db, request.MissionId, cancellationToken);
        plan.EnsureUnlocked();
        visit.Cancel();
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        var groups = await db.ProgrammeItems.Where(p => p.VisitId == visit.Id && !p.Cancelled).ToListAsync(cancellationToken);
        foreach (var item in groups)
        {
            item.Cancel();
            ProgrammeChangeLog.Record(db, item, $"Cancelled: '{item.Title}', {ProgrammeChangeLog.When(item, mission)}.",
                await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken), now);
        }

        db.VisitAssignments.RemoveRange(await db.VisitAssignments.Where(a => a.VisitId == visit.Id).ToListAsync(cancellationToken));
        plan.Changed();
        if (groups.Count > 0)
        {
            // Its published groups were programme items: the booklet and itineraries printed with them are printed again.
            await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
