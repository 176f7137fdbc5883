using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Invitations;

/// <summary>
/// The invited person says they cannot join; reminders stop. (Accepting is registering: see
/// RegisterByInvitationCommand.) They can still register later while registration is open.
/// </summary>
public sealed record DeclineInvitationCommand(string Token) : IRequest<InvitationStatus>;

public sealed class DeclineInvitationHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<DeclineInvitationCommand, InvitationStatus>
{
    public async Task<InvitationStatus> Handle(DeclineInvitationCommand request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, request.Token, clock, cancellationToken, tracked: true);
        invitation.Respond(accept: false, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return invitation.Status;
    }
}
