using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

/// <summary>Cancels an item (or takes the cancellation back): it stays in itineraries and calendars, marked cancelled.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelProgrammeItemCommand(Guid MissionId, Guid ItemId, bool Cancelled = true) : IRequest<Unit>, IMissionRequest;

public sealed class CancelProgrammeItemHandler(AppDbContext db) : IRequestHandler<CancelProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(CancelProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems.FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        if (request.Cancelled)
        {
            item.Cancel();
        }
        else
        {
            item.Reinstate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
