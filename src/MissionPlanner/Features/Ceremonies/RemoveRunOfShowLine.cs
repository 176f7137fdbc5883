using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveRunOfShowLineCommand(Guid MissionId, Guid CeremonyId, Guid LineId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveRunOfShowLineHandler(AppDbContext db) : IRequestHandler<RemoveRunOfShowLineCommand, Unit>
{
    public async Task<Unit> Handle(RemoveRunOfShowLineCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var lines = await db.RunOfShowLines.Where(l => l.CeremonyId == ceremony.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        var line = lines.FirstOrDefault(l => l.Id == request.LineId) ?? throw new NotFoundException("Line");
        db.RunOfShowLines.Remove(line);
        foreach (var later in lines.Where(l => l.Position > line.Position))
        {
            later.MoveTo(later.Position - 1);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
