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
