using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.CheckIn;

/// <summary>Whose badge it is, the items they could be checked in to, and the one happening now (or next).</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record GetBadgeHolderQuery(Guid MissionId, string Token) : IRequest<BadgeHolder>, IMissionRequest;

public sealed class GetBadgeHolderHandler(AppDbContext db, CheckInLinks links, TimeProvider clock) : IRequestHandler<GetBadgeHolderQuery, BadgeHolder>
{
    public async Task<BadgeHolder> Handle(GetBadgeHolderQuery request, CancellationToken cancellationToken)
    {
        var id = links.Verify(request.Token) ?? throw new NotFoundException("Badge");
        var person = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.MissionId == request.MissionId && r.ErasedAt == null, cancellationToken)
            ?? throw new NotFoundException("Badge");
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var present = await db.Attendances.Where(a => a.RegistrationId == id).Select(a => a.ProgrammeItemId).ToListAsync(cancellationToken);
        var items = (await db.ProgrammeItems.AsNoTracking().Where(p => p.MissionId == mission.Id && !p.Cancelled).OrderBy(p => p.StartsAt).ToListAsync(cancellationToken))
            .Select(p => new BadgeItem(p.Id, p.Title, MissionTime.ToLocal(p.StartsAt, mission.TimeZone), MissionTime.ToLocal(p.EndsAt, mission.TimeZone), present.Contains(p.Id)))
            .ToList();
        var now = MissionTime.ToLocal(clock.GetUtcNow().UtcDateTime, mission.TimeZone);
        // What is on now, or starts soonest (doors open early); else nothing is suggested.
        var suggested = items.Where(i => i.EndsLocal > now).OrderBy(i => i.StartsLocal <= now ? 0 : 1).ThenBy(i => i.StartsLocal).Select(i => (Guid?)i.Id).FirstOrDefault();
        return new BadgeHolder(person.Id, person.Name, person.Organisation, person.Status, items, suggested);
    }
}
