using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>
/// Everything about one ceremony: its people in order of precedence with the reasons, the warnings,
/// the speaking, signing and photo orders, the seating plan, the timed run of show, the agreements
/// and the checklist with what is overdue.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetCeremonyQuery(Guid MissionId, Guid CeremonyId) : IRequest<CeremonyView>, IMissionRequest;

public sealed class GetCeremonyHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetCeremonyQuery, CeremonyView>
{
    public async Task<CeremonyView> Handle(GetCeremonyQuery request, CancellationToken cancellationToken)
    {
        var ceremony = await db.Ceremonies.AsNoTracking().FirstOrDefaultAsync(c => c.MissionId == request.MissionId && c.Id == request.CeremonyId, cancellationToken)
            ?? throw new NotFoundException("Ceremony");
        return await CeremonyViews.BuildAsync(db, ceremony, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
