using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Invitations;

/// <summary>What the person behind a personal link sees. Any wrong, revoked or expired token is "not found".</summary>
public sealed record GetInvitationByTokenQuery(string Token) : IRequest<InvitationView>;

public sealed class GetInvitationByTokenHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<GetInvitationByTokenQuery, InvitationView>
{
    public async Task<InvitationView> Handle(GetInvitationByTokenQuery request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, links, request.Token, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == invitation.MissionId, cancellationToken);
        var cancelledThemselves = await db.Registrations.AnyAsync(r => r.MissionId == mission.Id && r.Email == invitation.Email
            && r.Status == RegistrationStatus.Cancelled && r.CancelledByParticipant && r.ErasedAt == null, cancellationToken);
        return new InvitationView(invitation.Name, mission.Title, mission.Summary, PublicLinks.Where(mission),
            PublicLinks.Dates(mission.StartDate, mission.EndDate),
            mission.RegistrationDeadline is { } d ? PublicLinks.Day(d) : null, invitation.Status,
            mission.RegistrationClosesAt is { } closes && clock.GetUtcNow().UtcDateTime >= closes)
        { MissionId = mission.Id, Organisation = invitation.Organisation, CancelledThemselves = cancelledThemselves };
    }
}
