using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Links;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Invitations;

public sealed record InvitationView(
    string Name, string MissionTitle, string MissionSummary, string Where, string When, string? Deadline,
    InvitationStatus Status, bool RegistrationClosed)
{
    public Guid MissionId { get; init; }

    /// <summary>The organisation the organisers gave with the invitation, to start the registration form with.</summary>
    public string? Organisation { get; init; }

    /// <summary>The invitee registered and then cancelled themselves: they may register again while registration is open.</summary>
    public bool CancelledThemselves { get; init; }
}

internal static class InvitationTokens
{
    /// <summary>The invitation behind a link; a wrong, expired or revoked link, or a withdrawn invitation, is "not found".</summary>
    public static async Task<Invitation> FindAsync(AppDbContext db, PersonalLinks links, string token, CancellationToken ct, bool tracked = false)
    {
        var link = await links.FindAsync(LinkPurpose.Invitation, token, ct);
        var query = tracked ? db.Invitations : db.Invitations.AsNoTracking();
        var invitation = await query.FirstOrDefaultAsync(i => i.Id == link.SubjectId, ct);
        return invitation is not null && invitation.Status != InvitationStatus.Revoked ? invitation : throw new NotFoundException("Invitation");
    }
}
