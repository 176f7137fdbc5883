using MediatR;
using MissionPlanner.Data;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Invitations;

/// <summary>
/// The invited person says they cannot join; reminders stop. (Accepting is registering: see
/// RegisterByInvitationCommand.) They can still register later while registration is open.
/// </summary>
public sealed record DeclineInvitationCommand(string Token) : IRequest<InvitationStatus>;

public sealed class DeclineInvitationHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<DeclineInvitationCommand, InvitationStatus>
{
    public async Task<InvitationStatus> Handle(DeclineInvitationCommand request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, links, request.Token, cancellationToken, tracked: true);
        invitation.Respond(accept: false, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return invitation.Status;
    }
}
