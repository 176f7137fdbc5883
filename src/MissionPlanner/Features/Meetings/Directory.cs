using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Meetings;

public enum DirectoryKind
{
    Delegate,
    Counterpart,
}

/// <summary>Someone in the directory, with what they shared: their profile (topics, offers, seeks, text) when they agreed to share it.</summary>
public sealed record DirectoryEntry(
    DirectoryKind Kind, Guid Id, string Name, string Organisation, Sector Sector, string? Country, IReadOnlyList<string> Topics, string? Offers,
    string? Seeks, string? Profile);

/// <summary>Filters, each optional: sector, a topic (case-insensitive), country, organisation, and free text over name, organisation and profile.</summary>
public sealed record DirectoryFilter(Sector? Sector = null, string? Topic = null, string? Country = null, string? Organisation = null, string? Search = null);

/// <summary>The matching entries, and the values the filters can take (for their drop-downs).</summary>
public sealed record DirectoryView(
    IReadOnlyList<DirectoryEntry> Entries, int Total, IReadOnlyList<string> Topics, IReadOnlyList<string> Countries, IReadOnlyList<string> Organisations);

/// <summary>The mission's directory for organisers: delegates who agreed to be listed and counterparts who did.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetDirectoryQuery(Guid MissionId, DirectoryFilter Filter) : IRequest<DirectoryView>, IMissionRequest;

public sealed class GetDirectoryHandler(AppDbContext db) : IRequestHandler<GetDirectoryQuery, DirectoryView>
{
    public Task<DirectoryView> Handle(GetDirectoryQuery request, CancellationToken cancellationToken) =>
        Directory.LoadAsync(db, request.MissionId, [DirectoryKind.Delegate, DirectoryKind.Counterpart], request.Filter, cancellationToken);
}

internal static class Directory
{
    /// <summary>
    /// Only people who agreed are listed: confirmed delegates who consented to the participant list
    /// (<see cref="Registration.ConsentListing"/>), counterparts who ticked <see cref="Counterpart.Listed"/>.
    /// </summary>
    public static async Task<DirectoryView> LoadAsync(AppDbContext db, Guid missionId, IReadOnlyCollection<DirectoryKind> kinds, DirectoryFilter filter,
        CancellationToken ct)
    {
        var all = new List<DirectoryEntry>();
        if (kinds.Contains(DirectoryKind.Delegate))
        {
            all.AddRange((await db.Registrations.AsNoTracking()
                    .Where(r => r.MissionId == missionId && r.Status == RegistrationStatus.Confirmed && r.ConsentListing && r.ErasedAt == null)
                    .Select(r => new { r.Id, r.Name, r.Organisation, r.Sector, r.Bio, r.ShareProfile, r.MeetingTopics, r.MeetingOffers, r.MeetingSeeks })
                    .ToListAsync(ct))
                // Name and organisation come with being listed; the profile only with the delegate's consent to share it.
                .Select(r => r.ShareProfile
                    ? new DirectoryEntry(DirectoryKind.Delegate, r.Id, r.Name, r.Organisation, r.Sector, null, Counterpart.SplitTopics(r.MeetingTopics), r.MeetingOffers,
                        r.MeetingSeeks, r.Bio)
                    : new DirectoryEntry(DirectoryKind.Delegate, r.Id, r.Name, r.Organisation, r.Sector, null, [], null, null, null)));
        }

        if (kinds.Contains(DirectoryKind.Counterpart))
        {
            all.AddRange((await db.Counterparts.AsNoTracking().Where(c => c.MissionId == missionId && c.Listed && c.RemovedAt == null).ToListAsync(ct))
                .Select(c => new DirectoryEntry(DirectoryKind.Counterpart, c.Id, c.Name, c.Organisation, c.Sector, c.Country, c.TopicList, c.Offers, c.Seeks, c.Profile)));
        }

        bool Has(string? value, string? wanted) => string.IsNullOrWhiteSpace(wanted) || string.Equals(value, wanted.Trim(), StringComparison.OrdinalIgnoreCase);
        bool Mentions(DirectoryEntry e, string? text) => string.IsNullOrWhiteSpace(text)
            || new[] { e.Name, e.Organisation, e.Profile, e.Offers, e.Seeks, string.Join(' ', e.Topics) }.Any(f => f?.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase) == true);
        var entries = all
            .Where(e => filter.Sector is null || e.Sector == filter.Sector)
            .Where(e => string.IsNullOrWhiteSpace(filter.Topic) || e.Topics.Contains(filter.Topic.Trim(), StringComparer.OrdinalIgnoreCase))
            .Where(e => Has(e.Country, filter.Country) && Has(e.Organisation, filter.Organisation) && Mentions(e, filter.Search))
            .OrderBy(e => e.Organisation, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new DirectoryView(entries, all.Count,
            all.SelectMany(e => e.Topics).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            all.Select(e => e.Country).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList(),
            all.Select(e => e.Organisation).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
