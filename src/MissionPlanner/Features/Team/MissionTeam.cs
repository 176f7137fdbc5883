using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Team;

public sealed record TeamMember(Guid OrganiserId, string Email, string DisplayName, MissionRoleKind Role);

internal static class TeamRules
{
    public static async Task EnsureAnotherOwnerAsync(AppDbContext db, Guid missionId, Guid leaving, CancellationToken ct)
    {
        if (!await db.MissionRoles.AnyAsync(r => r.MissionId == missionId && r.OrganiserId != leaving && r.Role == MissionRoleKind.Owner, ct))
        {
            throw new DomainException("Role", "A mission needs at least one owner: make someone else owner first.");
        }
    }
}
