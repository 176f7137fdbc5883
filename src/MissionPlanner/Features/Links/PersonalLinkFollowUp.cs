using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Features.Itinerary;

namespace MissionPlanner.Features.Links;

/// <summary>
/// Keeps personal links in line with what only the running app knows (ADR 20), after every migrate
/// and so at every start; each part is one indexed query when there is nothing to do:
/// <list type="bullet">
/// <item>Every registration, and every counterpart who was sent a link, has a calendar-feed link. Its secret is derived with the installation's
/// key, which SQL in a migration cannot do; the first one's id is the registration's, so the calendar
/// addresses given out before links were stored keep working.</item>
/// <item>Expiry follows the configured rule (<see cref="LinkExpiry"/>): when the rule differs from the
/// one the links were stamped with (stored in app_settings; none right after the PersonalLinks
/// migration, whose SQL only approximates it), every usable link is stamped again.</item>
/// <item>After the encryption key was rotated, each person whose calendar links were all derived with
/// an older key gets a new one beside them, which pages and emails show; the old addresses keep
/// working until they expire, unless <see cref="PrivacyOptions.RevokeCalendarLinksOfPreviousKeys"/>.</item>
/// </list>
/// </summary>
internal sealed class PersonalLinkFollowUp(LinkExpiry expiry, CalendarLinks calendar, IOptions<PrivacyOptions> privacy, TimeProvider clock,
    ILogger<PersonalLinkFollowUp> logger) : IMigrationFollowUp
{
    public const string RuleSetting = "personal-links.expiry-rule";

    public async Task RunAsync(AppDbContext db, IReadOnlyList<string> appliedNow, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = calendar.KeyId;
        var rule = await db.AppSettings.FirstOrDefaultAsync(s => s.Key == RuleSetting, ct);
        var missing = await db.Registrations.AsNoTracking()
            .Where(r => r.ErasedAt == null && !db.PersonalLinks.Any(l => l.SubjectId == r.Id && l.Purpose == LinkPurpose.CalendarFeed))
            .Select(r => new { r.Id, r.MissionId })
            .ToListAsync(ct);
        // Counterparts invited before their calendar had a link of its own (it was their page's).
        missing.AddRange(await db.Counterparts.AsNoTracking()
            .Where(c => c.RemovedAt == null && db.PersonalLinks.Any(l => l.SubjectId == c.Id && l.Purpose == LinkPurpose.Counterpart)
                                          && !db.PersonalLinks.Any(l => l.SubjectId == c.Id && l.Purpose == LinkPurpose.CalendarFeed))
            .Select(c => new { c.Id, c.MissionId })
            .ToListAsync(ct));
        var oldKey = await db.PersonalLinks
            .Where(l => l.Purpose == LinkPurpose.CalendarFeed && l.KeyId != key && l.RevokedAt == null && l.ExpiresAt > now)
            .ToListAsync(ct);
        if (missing.Count == 0 && oldKey.Count == 0 && rule?.Value == expiry.Rule)
        {
            return;
        }

        var missions = await db.Missions.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        foreach (var subject in missing)
        {
            var mission = missions[subject.MissionId];
            db.PersonalLinks.Add(calendar.NewLink(subject.Id, mission.Id, subject.Id, expiry.For(LinkPurpose.CalendarFeed, mission), now));
        }

        var subjects = oldKey.Select(l => l.SubjectId).Distinct().ToList();
        var current = (await db.PersonalLinks.AsNoTracking()
                .Where(l => l.Purpose == LinkPurpose.CalendarFeed && l.KeyId == key && l.RevokedAt == null && subjects.Contains(l.SubjectId))
                .Select(l => l.SubjectId).ToListAsync(ct))
            .ToHashSet();
        var renewed = 0;
        foreach (var old in oldKey.GroupBy(l => l.SubjectId).Where(g => !current.Contains(g.Key)).Select(g => g.MaxBy(l => l.ExpiresAt)!))
        {
            db.PersonalLinks.Add(calendar.NewLink(Guid.NewGuid(), old.MissionId, old.SubjectId, old.ExpiresAt, now));
            renewed++;
        }

        if (privacy.Value.RevokeCalendarLinksOfPreviousKeys)
        {
            oldKey.ForEach(l => l.Revoke(now, PersonalLink.Reasons.KeyReplaced));
        }

        var restamped = 0;
        if (rule?.Value != expiry.Rule)
        {
            foreach (var link in await db.PersonalLinks.Where(l => l.RevokedAt == null).ToListAsync(ct))
            {
                link.ExpireAt(expiry.For(link.Purpose, missions[link.MissionId]));
                restamped++;
            }

            if (rule is null)
            {
                db.AppSettings.Add(new AppSetting(RuleSetting, expiry.Rule));
            }
            else
            {
                rule.Value = expiry.Rule;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation(
            "Personal links: {Calendars} calendar link(s) recorded; {Renewed} renewed for a new encryption key ({Revoked} of older keys revoked); {Restamped} expiry time(s) set by the rule ({Rule})",
            missing.Count, renewed, privacy.Value.RevokeCalendarLinksOfPreviousKeys ? oldKey.Count : 0, restamped, expiry.Rule);
    }
}
