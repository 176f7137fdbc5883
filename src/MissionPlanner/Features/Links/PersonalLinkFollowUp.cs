using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Features.Itinerary;

namespace MissionPlanner.Features.Links;

/// <summary>
/// What the PersonalLinks migration cannot do in SQL, done by the app right after it (ADR 0020):
/// every registration gets its calendar-feed link row, whose secret is derived with the installation's
/// key, so the calendar addresses given out before links were stored keep working; and right after the
/// migration, every link's expiry is stamped by the configured rule (<see cref="LinkExpiry"/>). The
/// first part runs on every migrate and finds nothing to do once done (one indexed query).
/// </summary>
internal sealed class PersonalLinkFollowUp(LinkExpiry expiry, CalendarLinks calendar, TimeProvider clock, ILogger<PersonalLinkFollowUp> logger)
    : IMigrationFollowUp
{
    public const string Migration = "20261130190000_PersonalLinks";

    public async Task RunAsync(AppDbContext db, IReadOnlyList<string> appliedNow, CancellationToken ct)
    {
        var restamp = appliedNow.Contains(Migration);
        var missing = await db.Registrations.AsNoTracking()
            .Where(r => r.ErasedAt == null && !db.PersonalLinks.Any(l => l.SubjectId == r.Id && l.Purpose == LinkPurpose.CalendarFeed))
            .Select(r => new { r.Id, r.MissionId })
            .ToListAsync(ct);
        if (missing.Count == 0 && !restamp)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var missions = await db.Missions.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        foreach (var registration in missing)
        {
            var mission = missions[registration.MissionId];
            db.PersonalLinks.Add(calendar.NewLink(registration.Id, mission.Id, registration.Id, expiry.For(LinkPurpose.CalendarFeed, mission), now));
        }

        var restamped = 0;
        if (restamp)
        {
            foreach (var link in await db.PersonalLinks.Where(l => l.RevokedAt == null).ToListAsync(ct))
            {
                link.ExpireAt(expiry.For(link.Purpose, missions[link.MissionId]));
                restamped++;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Personal links: {Calendars} calendar link(s) recorded, {Restamped} expiry time(s) set by the configured rule", missing.Count, restamped);
    }
}
