using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Invitations;

/// <summary>Sends the invitation again with a fresh link; the old link stops working.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ResendInvitationCommand(Guid MissionId, Guid InvitationId) : IRequest<Unit>, IMissionRequest;

public sealed class ResendInvitationHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks)
    : IRequestHandler<ResendInvitationCommand, Unit>
{
    public async Task<Unit> Handle(ResendInvitationCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        InvitationEmails.EnsureCanInvite(mission);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.MissionId == request.MissionId && i.Id == request.InvitationId, cancellationToken)
            ?? throw new NotFoundException("Invitation");
        if (invitation.Status == InvitationStatus.Revoked)
        {
            throw new DomainException("Status", "This invitation was revoked; invite the person again instead.");
        }

        var token = await personalLinks.IssueAsync(mission, LinkPurpose.Invitation, invitation.Id, cancellationToken);
        await outbox.EnqueueAsync("invitation", invitation.Email, invitation.Name,
            InvitationEmails.Model(mission, invitation, links.Invitation(token), null), mission.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
