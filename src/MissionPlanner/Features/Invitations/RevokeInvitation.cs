using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Invitations;

/// <summary>Withdraws an invitation: its link answers "not found" from now on and no reminder follows.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RevokeInvitationCommand(Guid MissionId, Guid InvitationId) : IRequest<Unit>, IMissionRequest;

public sealed class RevokeInvitationHandler(AppDbContext db, PersonalLinks links) : IRequestHandler<RevokeInvitationCommand, Unit>
{
    public async Task<Unit> Handle(RevokeInvitationCommand request, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.MissionId == request.MissionId && i.Id == request.InvitationId, cancellationToken)
            ?? throw new NotFoundException("Invitation");
        invitation.Revoke();
        await links.RevokeAsync(LinkPurpose.Invitation, [invitation.Id], PersonalLink.Reasons.InvitationRevoked, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
