using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Itinerary;

namespace MissionPlanner.Features.Links;

/// <summary>
/// Issues, finds and revokes <see cref="PersonalLink"/>s: the one place where a link given to a
/// person becomes the row it opens. Rows it adds or changes are saved by the caller's SaveChanges,
/// in the caller's transaction; the last-use time is written in the background (<see cref="LinkUses"/>).
/// </summary>
public sealed class PersonalLinks(AppDbContext db, LinkExpiry expiry, CalendarLinks calendar, LinkUses uses, TimeProvider clock)
{
    /// <summary>
    /// A new link for a subject that may have had links before: those stop working
    /// (<see cref="PersonalLink.Reasons.Replaced"/>). Returns the secret for the email that carries it.
    /// </summary>
    public async Task<string> IssueAsync(Mission mission, LinkPurpose purpose, Guid subjectId, CancellationToken ct)
    {
        await RevokeAsync(purpose, [subjectId], PersonalLink.Reasons.Replaced, ct);
        return IssueFirst(mission, purpose, subjectId);
    }

    /// <summary>New links for many subjects at once (reminders to everyone who has not answered): one query revokes their earlier links.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> IssueManyAsync(Mission mission, LinkPurpose purpose, IReadOnlyCollection<Guid> subjectIds,
        CancellationToken ct)
    {
        await RevokeAsync(purpose, subjectIds, PersonalLink.Reasons.Replaced, ct);
        return subjectIds.Distinct().ToDictionary(id => id, id => IssueFirst(mission, purpose, id));
    }

    /// <summary>
    /// A link that leaves the subject's earlier ones working: for notices that come often and must not end the link
    /// the person bookmarked (B2B meeting requests and answers). It expires and is revoked like the others, but not before
    /// <paramref name="worksUntilAtLeast"/> when given (a question about a meeting's outcome, months after the mission).
    /// </summary>
    public string IssueAlongside(Mission mission, LinkPurpose purpose, Guid subjectId, DateTime? worksUntilAtLeast = null)
    {
        var (link, token) = PersonalLink.Issue(mission.Id, purpose, subjectId, expiry.For(purpose, mission, worksUntilAtLeast), Now);
        db.PersonalLinks.Add(link);
        return token;
    }

    /// <summary>The first link of a subject created in this unit of work (nothing to revoke, so no query).</summary>
    public string IssueFirst(Mission mission, LinkPurpose purpose, Guid subjectId) => IssueAlongside(mission, purpose, subjectId);

    /// <summary>
    /// A registration's first calendar link, created with it. Its row id is the registration's id,
    /// so its address is the one calendar apps were given before links were stored (ADR 0020).
    /// </summary>
    public void IssueFirstCalendar(Mission mission, Guid registrationId) =>
        db.PersonalLinks.Add(calendar.NewLink(registrationId, mission.Id, registrationId, expiry.For(LinkPurpose.CalendarFeed, mission), Now));

    /// <summary>
    /// A calendar-feed link for each subject that has none this installation can show (counterparts, when first invited):
    /// their calendar app keeps its address when the page link is renewed by the next email.
    /// </summary>
    public async Task EnsureCalendarsAsync(Mission mission, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        var shown = (await CalendarUrlsAsync(subjectIds, ct)).Keys.ToHashSet();
        foreach (var id in subjectIds.Where(id => !shown.Contains(id)).Distinct())
        {
            db.PersonalLinks.Add(calendar.NewLink(Guid.NewGuid(), mission.Id, id, expiry.For(LinkPurpose.CalendarFeed, mission), Now));
        }
    }

    /// <summary>
    /// The usable link of <paramref name="purpose"/> behind a presented secret. A wrong, expired or
    /// revoked link, or one for another purpose, is "not found" (404) alike, so a guesser learns
    /// nothing; the web layer limits how fast one client may try (Auth:PersonalLinkRequestsPerMinute).
    /// </summary>
    /// <exception cref="NotFoundException">Named after what the link would open (Invitation, Registration, Host, Calendar).</exception>
    public async Task<PersonalLink> FindAsync(LinkPurpose purpose, string? token, CancellationToken ct)
    {
        if (purpose == LinkPurpose.CalendarFeed && token is not null && token.EndsWith(".ics", StringComparison.OrdinalIgnoreCase))
        {
            token = token[..^4];
        }

        var hash = SecretToken.HashPresented(token);
        var link = hash is null ? null : await db.PersonalLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        var now = Now;
        if (link is null || link.Purpose != purpose || !link.IsUsable(now))
        {
            throw new NotFoundException(Subject(purpose));
        }

        if (link.UseIsWorthRecording(now))
        {
            uses.Record(link.Id, now);
        }

        return link;
    }

    /// <summary>Revokes the usable links of these subjects for one purpose, or for every purpose when <paramref name="purpose"/> is null.</summary>
    public Task RevokeAsync(LinkPurpose? purpose, IReadOnlyCollection<Guid> subjectIds, string reason, CancellationToken ct) =>
        RevokeAsync(db, purpose, subjectIds, reason, Now, ct);

    /// <summary>The same, for domain-event handlers, which are handed the context of the save they run in.</summary>
    internal static async Task RevokeAsync(AppDbContext db, LinkPurpose? purpose, IReadOnlyCollection<Guid> subjectIds, string reason, DateTime now,
        CancellationToken ct)
    {
        var subjects = subjectIds.ToHashSet();
        var saved = await db.PersonalLinks
            .Where(l => subjectIds.Contains(l.SubjectId) && (purpose == null || l.Purpose == purpose) && l.RevokedAt == null)
            .ToListAsync(ct);
        // Links issued earlier in this unit of work are not in the database yet.
        var added = db.PersonalLinks.Local.Where(l => subjects.Contains(l.SubjectId) && (purpose == null || l.Purpose == purpose) && l.RevokedAt == null);
        foreach (var link in saved.Concat(added).Distinct())
        {
            link.Revoke(now, reason);
        }
    }

    /// <summary>The address of each registration's (or counterpart's) usable calendar feed; one without is left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> CalendarUrlsAsync(IReadOnlyCollection<Guid> registrationIds, CancellationToken ct)
    {
        var now = Now;
        var links = await db.PersonalLinks.AsNoTracking()
            .Where(l => l.Purpose == LinkPurpose.CalendarFeed && registrationIds.Contains(l.SubjectId) && l.RevokedAt == null && l.ExpiresAt > now)
            .ToListAsync(ct);
        // Only a link whose secret the current key derives can be shown (PersonalLinkFollowUp renews them after a key rotation).
        return links.Where(calendar.IsCurrent).GroupBy(l => l.SubjectId)
            .ToDictionary(g => g.Key, g => calendar.Url(g.OrderByDescending(l => l.CreatedAt).First().Id));
    }

    public async Task<string?> CalendarUrlAsync(Guid registrationId, CancellationToken ct) =>
        (await CalendarUrlsAsync([registrationId], ct)).GetValueOrDefault(registrationId);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Subject(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Invitation => "Invitation",
        LinkPurpose.Registration => "Registration",
        LinkPurpose.Host => "Host",
        LinkPurpose.CeremonyConfirmation => "Invitation",
        LinkPurpose.Counterpart => "Counterpart",
        _ => "Calendar",
    };
}
