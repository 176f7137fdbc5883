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
/// After the encryption key was rotated, the app could no longer show the calendar addresses it gave
/// out (their secrets were derived with the old key): each usable calendar link then gets a new one
/// beside it, which the pages and emails show, while the old address keeps working until it expires.
/// </summary>
internal sealed class PersonalLinkFollowUp(LinkExpiry expiry, CalendarLinks calendar, TimeProvider clock, ILogger<PersonalLinkFollowUp> logger)
    : IMigrationFollowUp
{
    public const string Migration = "20261130190000_PersonalLinks";

    public async Task RunAsync(AppDbContext db, IReadOnlyList<string> appliedNow, CancellationToken ct)
    {
        var restamp = appliedNow.Contains(Migration);
        var rotated = await KeyRotatedAsync(db, ct);
        var missing = await db.Registrations.AsNoTracking()
            .Where(r => r.ErasedAt == null && !db.PersonalLinks.Any(l => l.SubjectId == r.Id && l.Purpose == LinkPurpose.CalendarFeed))
            .Select(r => new { r.Id, r.MissionId })
            .ToListAsync(ct);
        if (missing.Count == 0 && !restamp && !rotated)
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

        var renewed = 0;
        if (rotated)
        {
            var usable = await db.PersonalLinks.AsNoTracking()
                .Where(l => l.Purpose == LinkPurpose.CalendarFeed && l.RevokedAt == null && l.ExpiresAt > now).ToListAsync(ct);
            foreach (var old in usable.Where(l => !calendar.IsCurrent(l)))
            {
                db.PersonalLinks.Add(calendar.NewLink(Guid.NewGuid(), old.MissionId, old.SubjectId, old.ExpiresAt, now));
                renewed++;
            }
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
        logger.LogInformation(
            "Personal links: {Calendars} calendar link(s) recorded, {Renewed} renewed for a new encryption key, {Restamped} expiry time(s) set by the configured rule",
            missing.Count, renewed, restamped);
    }

    /// <summary>
    /// The newest usable calendar link tells: a key change needs a restart, and this runs at start, so
    /// every link made before a rotation is older than any made after it.
    /// </summary>
    private async Task<bool> KeyRotatedAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var newest = await db.PersonalLinks.AsNoTracking()
            .Where(l => l.Purpose == LinkPurpose.CalendarFeed && l.RevokedAt == null && l.ExpiresAt > now)
            .OrderByDescending(l => l.CreatedAt).FirstOrDefaultAsync(ct);
        return newest is not null && !calendar.IsCurrent(newest);
    }
}
