using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Links;

/// <summary>When a mission's dates or time zone change, its links expire by the rule again (<see cref="LinkExpiry"/>), from the new dates.</summary>
internal sealed class RestampLinksOfRescheduledMission(LinkExpiry expiry) : DomainEventHandler<MissionRescheduled>
{
    protected override async Task HandleAsync(AppDbContext db, IReadOnlyList<MissionRescheduled> events, CancellationToken ct)
    {
        foreach (var mission in events.Select(e => e.Mission).DistinctBy(m => m.Id))
        {
            foreach (var link in await db.PersonalLinks.Where(l => l.MissionId == mission.Id && l.RevokedAt == null).ToListAsync(ct))
            {
                link.ExpireAt(expiry.For(link.Purpose, mission));
            }
        }
    }
}

/// <summary>A host's new contact person gets a link of their own when the request is sent again; the previous contact's stops now.</summary>
internal sealed class RevokeLinksOfReplacedHostContact(TimeProvider clock) : DomainEventHandler<HostContactChanged>
{
    protected override Task HandleAsync(AppDbContext db, IReadOnlyList<HostContactChanged> events, CancellationToken ct) =>
        PersonalLinks.RevokeAsync(db, LinkPurpose.Host, events.Select(e => e.Host.Id).ToList(), PersonalLink.Reasons.ContactChanged,
            clock.GetUtcNow().UtcDateTime, ct);
}
