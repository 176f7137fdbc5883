using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Team;

[RequiresRole(MissionRoleKind.Owner)]
public sealed record RemoveTeamMemberCommand(Guid MissionId, Guid OrganiserId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveTeamMemberHandler(AppDbContext db) : IRequestHandler<RemoveTeamMemberCommand, Unit>
{
    public async Task<Unit> Handle(RemoveTeamMemberCommand request, CancellationToken cancellationToken)
    {
        var role = await db.MissionRoles.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.OrganiserId == request.OrganiserId, cancellationToken)
            ?? throw new NotFoundException("Team member");
        if (role.Role == MissionRoleKind.Owner)
        {
            await TeamRules.EnsureAnotherOwnerAsync(db, request.MissionId, request.OrganiserId, cancellationToken);
        }

        db.MissionRoles.Remove(role);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
