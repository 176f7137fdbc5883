using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// Publishes the schedule: each group with people becomes a programme item for exactly them
/// (updated in place when published before), empty groups' items are cancelled. The changes are
/// recorded per person, so itineraries, calendars and the programme-change emails follow.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record PublishVisitPlanCommand(Guid MissionId) : IRequest<PublishResult>, IMissionRequest;

public sealed class PublishVisitPlanHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<PublishVisitPlanCommand, PublishResult>
{
    public async Task<PublishResult> Handle(PublishVisitPlanCommand request, CancellationToken cancellationToken)
    {
        var data = await VisitSchedulingData.LoadAsync(db, request.MissionId, cancellationToken);
        var mission = await db.Missions.FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        if (data.Assignments.Count == 0)
        {
            throw new DomainException("Assignments", "Nobody is placed on a visit yet: run the schedule first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hosts = await db.VisitHosts.AsNoTracking().Where(h => h.MissionId == request.MissionId).ToDictionaryAsync(h => h.Id, cancellationToken);
        var items = await db.ProgrammeItems.Where(p => p.MissionId == request.MissionId && p.VisitId != null).ToListAsync(cancellationToken);
        var itemIds = items.Select(i => i.Id).ToList();
        var audiences = (await db.ProgrammeItemPeople.Where(x => itemIds.Contains(x.ProgrammeItemId)).ToListAsync(cancellationToken))
            .ToLookup(x => x.ProgrammeItemId);
        var confirmed = data.People.Select(p => p.Id).ToHashSet();
        var groups = data.Assignments.Where(a => data.VisitById(a.VisitId) is not null && confirmed.Contains(a.RegistrationId)).GroupBy(a => (a.VisitId, a.Group))
            .ToDictionary(g => g.Key, g => g.Select(a => a.RegistrationId).ToHashSet());
        var (added, removed, cancelled) = (0, 0, 0);
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        foreach (var ((visitId, group), members) in groups)
        {
            var visit = data.VisitById(visitId)!;
            var item = items.FirstOrDefault(i => i.VisitId == visitId && i.VisitGroup == group.Number && i.StartsAt == group.StartsAt);
            var before = item is null ? [] : audiences[item.Id].Where(_ => !item.Cancelled).Select(x => x.RegistrationId).ToHashSet();
            if (item is null)
            {
                item = new ProgrammeItem(mission, visit.ParallelGroups > 1 ? $"{visit.Title} (group {group.Number})" : visit.Title,
                    Description(visit, hosts[visit.HostId]), visit.Kind, group.StartsAt, group.EndsAt, visit.VenueId, visit.MaxGroupSize, true);
                item.LinkToVisit(visit.Id, group.Number);
                db.ProgrammeItems.Add(item);
            }
            else if (item.Cancelled)
            {
                item.Reinstate();
            }

            item.SetDetails(DressCode(visit), $"{hosts[visit.HostId].ContactName}{(hosts[visit.HostId].ContactPhone is { } phone ? $", {phone}" : "")}");
            item.RequireIdScreening(visit.ScreensVisitors);
            if (!before.SetEquals(members) || item.Audience != Audience.People)
            {
                item.SetAudience(Audience.People, []);
                db.ProgrammeItemPeople.RemoveRange(audiences[item.Id].Where(x => !members.Contains(x.RegistrationId)));
                db.ProgrammeItemPeople.AddRange(members.Where(m => !audiences[item.Id].Any(x => x.RegistrationId == m))
                    .Select(m => new ProgrammeItemPerson(item.Id, m)));
                added += members.Except(before).Count();
                removed += before.Except(members).Count();
            }
        }

        foreach (var item in items.Where(i => !i.Cancelled && !groups.Keys.Any(g => g.VisitId == i.VisitId && g.Group.Number == i.VisitGroup && g.Group.StartsAt == i.StartsAt)))
        {
            item.Cancel();
            cancelled++;
        }

        data.Plan.Published(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PublishResult(groups.Count, added, removed, cancelled);
    }

    private static string Description(Domain.Visits.Visit visit, VisitHost host)
    {
        var parts = new List<string> { $"Hosted by {host.Name}." };
        if (visit.Requirements != VisitRequirements.None)
        {
            parts.Add($"Requirements: {Requirements(visit.Requirements)}.");
        }

        if (visit.Notes.Length > 0)
        {
            parts.Add(visit.Notes);
        }

        return string.Join(" ", parts);
    }

    public static string Requirements(VisitRequirements requirements) => string.Join(", ", Enum.GetValues<VisitRequirements>()
        .Where(r => r != VisitRequirements.None && requirements.HasFlag(r)).Select(r => r switch
        {
            VisitRequirements.Gowning => "gowning",
            VisitRequirements.SafetyBriefing => "safety briefing",
            VisitRequirements.Nda => "non-disclosure agreement",
            VisitRequirements.IdScreening => "ID screening",
            VisitRequirements.ClosedShoes => "closed shoes",
            VisitRequirements.NoPhotos => "no photos",
            _ => r.ToString(),
        }));

    private static string? DressCode(Domain.Visits.Visit visit) =>
        (visit.Requirements.HasFlag(VisitRequirements.ClosedShoes), visit.Requirements.HasFlag(VisitRequirements.Gowning)) switch
        {
            (true, true) => "Closed shoes; gowning provided",
            (true, false) => "Closed shoes",
            (false, true) => "Gowning provided",
            _ => null,
        };
}
