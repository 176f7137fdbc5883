using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveCeremonyPersonCommand(Guid MissionId, Guid CeremonyId, Guid PersonId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveCeremonyPersonHandler(AppDbContext db) : IRequestHandler<RemoveCeremonyPersonCommand, Unit>
{
    public async Task<Unit> Handle(RemoveCeremonyPersonCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        db.CeremonyPeople.Remove(await db.CeremonyPeople.FirstOrDefaultAsync(p => p.CeremonyId == ceremony.Id && p.Id == request.PersonId, cancellationToken)
            ?? throw new NotFoundException("Person"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
