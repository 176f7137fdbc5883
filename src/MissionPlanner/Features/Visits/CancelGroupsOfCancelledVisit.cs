using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// A cancelled visit's published groups are cancelled in the programme; as programme items they
/// then tell their people and have the booklet and itineraries printed again.
/// </summary>
internal sealed class CancelGroupsOfCancelledVisit : DomainEventHandler<VisitCancelled>
{
    protected override async Task HandleAsync(AppDbContext db, IReadOnlyList<VisitCancelled> events, CancellationToken ct)
    {
        var visits = events.Select(e => (Guid?)e.Visit.Id).ToList();
        foreach (var item in await db.ProgrammeItems.Where(p => visits.Contains(p.VisitId) && !p.Cancelled).ToListAsync(ct))
        {
            item.Cancel();
        }
    }
}
