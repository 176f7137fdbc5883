using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Invitations;

public sealed record InvitationView(
    string Name, string MissionTitle, string MissionSummary, string Where, string When, string? Deadline,
    InvitationStatus Status, bool RegistrationClosed)
{
    public Guid MissionId { get; init; }
}

/// <summary>What the person behind a personal link sees. Any wrong, revoked or expired token is "not found".</summary>
public sealed record GetInvitationByTokenQuery(string Token) : IRequest<InvitationView>;

public sealed class GetInvitationByTokenHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetInvitationByTokenQuery, InvitationView>
{
    public async Task<InvitationView> Handle(GetInvitationByTokenQuery request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, request.Token, clock, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == invitation.MissionId, cancellationToken);
        return new InvitationView(invitation.Name, mission.Title, mission.Summary, PublicLinks.Where(mission),
            PublicLinks.Dates(mission.StartDate, mission.EndDate),
            mission.RegistrationDeadline is { } d ? PublicLinks.Day(d) : null, invitation.Status,
            mission.RegistrationClosesAt is { } closes && clock.GetUtcNow().UtcDateTime >= closes)
        { MissionId = mission.Id };
    }
}

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

internal static class InvitationTokens
{
    public static async Task<Invitation> FindAsync(AppDbContext db, string token, TimeProvider clock, CancellationToken ct, bool tracked = false)
    {
        var hash = SecretToken.HashPresented(token) ?? throw new NotFoundException("Invitation");
        var query = tracked ? db.Invitations : db.Invitations.AsNoTracking();
        var invitation = await query.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow().UtcDateTime)
            ? invitation
            : throw new NotFoundException("Invitation");
    }
}
