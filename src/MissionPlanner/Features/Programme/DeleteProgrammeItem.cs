using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeleteProgrammeItemCommand(Guid MissionId, Guid ItemId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteProgrammeItemHandler(AppDbContext db) : IRequestHandler<DeleteProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(DeleteProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems
            .FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        item.Remove();
        db.ProgrammeItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
