using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>Starts a line (and every line after it) some minutes later, or earlier with a negative number.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ShiftRunOfShowLineCommand(Guid MissionId, Guid CeremonyId, Guid LineId, int Minutes) : IRequest<Unit>, IMissionRequest;

public sealed class ShiftRunOfShowLineHandler(AppDbContext db) : IRequestHandler<ShiftRunOfShowLineCommand, Unit>
{
    public async Task<Unit> Handle(ShiftRunOfShowLineCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var lines = await db.RunOfShowLines.Where(l => l.CeremonyId == ceremony.Id).ToListAsync(cancellationToken);
        (lines.FirstOrDefault(l => l.Id == request.LineId) ?? throw new NotFoundException("Line")).Shift(request.Minutes);
        await CeremonyLookup.EnsureFitsAsync(db, ceremony, lines, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
