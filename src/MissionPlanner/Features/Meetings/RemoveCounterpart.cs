using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>Removes a counterpart: they leave the directory and their links (page and calendar) stop working; the row stays for the counts.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveCounterpartCommand(Guid MissionId, Guid CounterpartId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveCounterpartHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RemoveCounterpartCommand, Unit>
{
    public async Task<Unit> Handle(RemoveCounterpartCommand request, CancellationToken cancellationToken)
    {
        var counterpart = await Counterparts.FindAsync(db, request.MissionId, request.CounterpartId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        counterpart.Remove(now);
        await PersonalLinks.RevokeAsync(db, null, [counterpart.Id], PersonalLink.Reasons.Removed, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
