using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Ceremonies;

internal static class CeremonyLookup
{
    public static async Task<Ceremony> FindAsync(AppDbContext db, Guid missionId, Guid ceremonyId, CancellationToken ct) =>
        await db.Ceremonies.FirstOrDefaultAsync(c => c.MissionId == missionId && c.Id == ceremonyId, ct) ?? throw new NotFoundException("Ceremony");

    public static async Task<(ProgrammeItem Item, Mission Mission)> ItemAsync(AppDbContext db, Ceremony ceremony, CancellationToken ct) =>
        (await db.ProgrammeItems.AsNoTracking().FirstAsync(p => p.Id == ceremony.ProgrammeItemId, ct),
         await db.Missions.AsNoTracking().FirstAsync(m => m.Id == ceremony.MissionId, ct));

    /// <summary>Refuses a run of show that would end after its programme item.</summary>
    public static async Task EnsureFitsAsync(AppDbContext db, Ceremony ceremony, IEnumerable<RunOfShowLine> lines, CancellationToken ct)
    {
        var (item, mission) = await ItemAsync(db, ceremony, ct);
        var timed = RunOfShow.Schedule(item.StartsAt, lines.Select(l => (l.Id, l.Position, l.Title, l.Owner, l.GapBeforeMinutes, l.Minutes)));
        if (timed.Count > 0 && timed[^1].EndsAt > item.EndsAt)
        {
            var zone = mission.TimeZone;
            throw new DomainException("Minutes",
                $"The run of show would end at {MissionTime.ToLocal(timed[^1].EndsAt, zone):HH:mm}, after '{item.Title}' ends at {MissionTime.ToLocal(item.EndsAt, zone):HH:mm}: " +
                "shorten a line or lengthen the programme item.");
        }
    }
}
