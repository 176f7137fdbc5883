using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Programme;
using MissionPlanner.Scheduling;

namespace MissionPlanner.Features.Visits;

public sealed record SchedulingResult(int Placed, int People, int WithoutTopChoice, int TotalRank, IReadOnlyList<string> Warnings);

/// <summary>
/// Runs the solver over the visits and replaces the unpinned assignments with its result. With a
/// visit given, only that visit is rescheduled: everyone keeps their places on the other visits.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RunVisitSchedulingCommand(Guid MissionId, Guid? VisitId = null) : IRequest<SchedulingResult>, IMissionRequest;

public sealed class RunVisitSchedulingHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RunVisitSchedulingCommand, SchedulingResult>
{
    public async Task<SchedulingResult> Handle(RunVisitSchedulingCommand request, CancellationToken cancellationToken)
    {
        var data = await VisitSchedulingData.LoadAsync(db, request.MissionId, cancellationToken, tracked: true);
        data.Plan.EnsureUnlocked();
        if (request.VisitId is { } only && data.VisitById(only) is null)
        {
            throw new DomainException("VisitId", "That visit is cancelled, declined by its host, or not part of this mission.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var problem = data.Problem(now, request.VisitId);
        // Pins are checked here with names people know; the solver's own check names only ids.
        var visits = data.Visits.ToDictionary(v => v.Id);
        foreach (var over in data.Assignments.Where(a => visits.ContainsKey(a.VisitId) && (a.Pinned || request.VisitId is { } o && a.VisitId != o))
                     .GroupBy(a => (a.VisitId, a.Group)).Where(g => g.Count() > visits[g.Key.VisitId].MaxGroupSize))
        {
            var visit = visits[over.Key.VisitId];
            throw new DomainException("Pinned",
                $"{Counted.People(over.Count())} {(over.Count() == 1 ? "is" : "are")} placed by hand in {data.GroupName(visit, over.Key.Group)}, which takes {visit.MaxGroupSize}; move some of them first.");
        }

        Schedule schedule;
        try
        {
            schedule = VisitSolver.Solve(problem);
        }
        catch (SchedulingException ex)
        {
            throw new DomainException(ex.Field, ex.Message);
        }

        var pinned = data.Assignments.Where(a => a.Pinned).Select(a => (a.RegistrationId, a.VisitId)).ToHashSet();
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        db.VisitAssignments.RemoveRange(data.Assignments.Where(a => visits.ContainsKey(a.VisitId)));
        var placed = new List<VisitAssignment>();
        foreach (var (key, members) in schedule.Members)
        {
            var (visitId, startsAt, number) = VisitGroupSlot.Parse(key)!.Value;
            var group = visits[visitId].Groups().First(g => g.StartsAt == startsAt && g.Number == number);
            placed.AddRange(members.Select(m => Guid.ParseExact(m, "N"))
                .Select(person => new VisitAssignment(request.MissionId, visitId, person, group, pinned.Contains((person, visitId)))));
        }

        db.VisitAssignments.AddRange(placed);
        data.Plan.Ran(schedule.Score.WithoutTopChoice, schedule.Score.TotalRank, VisitSchedulingData.ExplanationsJson(schedule), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SchedulingResult(placed.Count, data.People.Count, schedule.Score.WithoutTopChoice, schedule.Score.TotalRank,
            data.Warnings(placed.Concat(data.Assignments.Where(a => !visits.ContainsKey(a.VisitId))).ToList()));
    }
}

public sealed record PlanMember(Guid RegistrationId, string Name, string Organisation, int? Rank, bool Pinned);

public sealed record PlanGroup(string Key, DateTime StartsLocal, DateTime EndsLocal, int Number, IReadOnlyList<PlanMember> Members);

public sealed record PlanVisit(
    Guid Id, string Title, string Host, string Venue, int MinGroupSize, int MaxGroupSize, bool ScreensVisitors, HostResponse HostResponse,
    string? HostMessage, IReadOnlyList<PlanGroup> Groups);

public sealed record PlanPlace(Guid VisitId, string Title, string GroupKey, DateTime StartsLocal, int? Rank, bool Pinned);

public sealed record PlanPerson(
    Guid RegistrationId, string Name, string Organisation, IReadOnlyList<string> Preferences, IReadOnlyList<PlanPlace> Places,
    IReadOnlyList<string> Unmet, bool GotTopChoice, bool HasIdDetails);

public sealed record VisitPlanView(
    DateTime? PreferencesDeadlineLocal, int VisitsPerParticipant, DateTime? LastRunAt, bool Locked, DateTime? PublishedAt, bool ChangedSincePublish,
    int WithoutTopChoice, int TotalRank, IReadOnlyList<PlanVisit> Visits, IReadOnlyList<PlanPerson> People, IReadOnlyList<string> Warnings,
    int Version);

/// <summary>The schedule for review: per visit and group, per person (with why they missed a higher choice), and what is wrong.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetVisitPlanQuery(Guid MissionId) : IRequest<VisitPlanView>, IMissionRequest;

public sealed class GetVisitPlanHandler(AppDbContext db) : IRequestHandler<GetVisitPlanQuery, VisitPlanView>
{
    public async Task<VisitPlanView> Handle(GetVisitPlanQuery request, CancellationToken cancellationToken)
    {
        var data = await VisitSchedulingData.LoadAsync(db, request.MissionId, cancellationToken);
        var zone = data.Mission.TimeZone;
        var hosts = await db.VisitHosts.AsNoTracking().Where(h => h.MissionId == request.MissionId).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var people = data.People.ToDictionary(p => p.Id);
        var ranks = data.People.ToDictionary(p => p.Id, p => data.Preferences[p.Id].ToDictionary(x => x.VisitId, x => x.Rank));
        var byGroup = data.Assignments.ToLookup(a => (a.VisitId, a.Group));
        var visits = data.Visits.Select(v => new PlanVisit(v.Id, v.Title, hosts[v.HostId], data.VenueNames[v.VenueId], v.MinGroupSize, v.MaxGroupSize,
            v.ScreensVisitors, v.HostResponse, v.HostMessage,
            v.Groups().Select(g => new PlanGroup(g.Key(v.Id), MissionTime.ToLocal(g.StartsAt, zone), MissionTime.ToLocal(g.EndsAt, zone), g.Number,
                byGroup[(v.Id, g)].Where(a => people.ContainsKey(a.RegistrationId)).Select(a => people[a.RegistrationId] is var p
                    ? new PlanMember(p.Id, p.Name, p.Organisation, ranks[p.Id].TryGetValue(v.Id, out var r) ? r : null, a.Pinned)
                    : null!).OrderBy(m => m.Name).ToList())).ToList())).ToList();
        var titles = data.Visits.ToDictionary(v => v.Id, v => v.Title);
        var explanations = VisitSchedulingData.ReadExplanations(data.Plan.Explanations);
        var mine = data.Assignments.Where(a => titles.ContainsKey(a.VisitId)).ToLookup(a => a.RegistrationId);
        var plan = data.People.Select(p =>
        {
            var preferences = data.Preferences[p.Id].Where(x => titles.ContainsKey(x.VisitId)).OrderBy(x => x.Rank).ToList();
            var places = mine[p.Id].OrderBy(a => a.StartsAt).Select(a => new PlanPlace(a.VisitId, titles[a.VisitId], a.Group.Key(a.VisitId),
                MissionTime.ToLocal(a.StartsAt, zone), ranks[p.Id].TryGetValue(a.VisitId, out var r) ? r : null, a.Pinned)).ToList();
            var unmet = explanations.TryGetValue(p.Id.ToString("N"), out var list)
                ? list.Where(u => Guid.TryParseExact(u.VisitId, "N", out var v) && titles.ContainsKey(v) && !places.Any(x => x.VisitId == v))
                    .Select(u => $"#{u.Rank} {titles[Guid.ParseExact(u.VisitId, "N")]}: {Reason(u.Reason)}").ToList()
                : [];
            var top = preferences.Take(2).Select(x => x.VisitId).ToHashSet();
            return new PlanPerson(p.Id, p.Name, p.Organisation, preferences.Select(x => titles[x.VisitId]).ToList(), places, unmet,
                preferences.Count == 0 || places.Any(x => top.Contains(x.VisitId)), p.HasIdDetails);
        }).ToList();
        return new VisitPlanView(data.Plan.PreferencesDeadline is { } d ? MissionTime.ToLocal(d, zone) : null, data.Plan.VisitsPerParticipant,
            data.Plan.LastRunAt, data.Plan.LockedAt is not null, data.Plan.PublishedAt, data.Plan.ChangedSincePublish, data.Plan.WithoutTopChoice,
            data.Plan.TotalRank, visits, plan, data.Warnings(data.Assignments), data.Plan.Version);
    }

    private static string Reason(string reason) => reason switch
    {
        nameof(Scheduling.Reason.Full) => "full",
        nameof(Scheduling.Reason.Clash) => "clashes with the rest of their programme",
        nameof(Scheduling.Reason.Requirement) => "requires ID details in time for screening",
        nameof(Scheduling.Reason.TooFewForAGroup) => "too few people for a group",
        _ => reason,
    };
}

/// <summary>
/// An organiser places someone by hand: out of one group, into another (or both), pinned so the
/// solver keeps it. The move is made even when it breaks a rule; the warnings say what it breaks.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record MoveVisitorCommand(Guid RegistrationId, string? FromGroup, string? ToGroup) : IRequest<IReadOnlyList<string>>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    /// <summary>Only report what the move would cause, without making it (for live warnings while choosing).</summary>
    public bool DryRun { get; init; }
}

public sealed class MoveVisitorHandler(AppDbContext db) : IRequestHandler<MoveVisitorCommand, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(MoveVisitorCommand request, CancellationToken cancellationToken)
    {
        var data = await VisitSchedulingData.LoadAsync(db, request.MissionId, cancellationToken, tracked: true);
        if (!request.DryRun)
        {
            data.Plan.EnsureUnlocked();
        }

        if (data.People.All(p => p.Id != request.RegistrationId))
        {
            throw new DomainException(nameof(request.RegistrationId), "Only confirmed participants of this mission can be placed on visits.");
        }

        var from = Group(data, request.FromGroup, nameof(request.FromGroup));
        var to = Group(data, request.ToGroup, nameof(request.ToGroup));
        if (from is null && to is null)
        {
            throw new DomainException(nameof(request.ToGroup), "Choose the group to move the person to, or the group to take them out of.");
        }

        var after = data.Assignments.ToList();
        if (from is { } f)
        {
            var current = after.FirstOrDefault(a => a.RegistrationId == request.RegistrationId && a.VisitId == f.Visit.Id && a.Group == f.Group)
                ?? throw new DomainException(nameof(request.FromGroup), "The person is not in that group.");
            after.Remove(current);
            if (!request.DryRun)
            {
                db.VisitAssignments.Remove(current);
            }
        }

        if (to is { } t)
        {
            var sameVisit = after.FirstOrDefault(a => a.RegistrationId == request.RegistrationId && a.VisitId == t.Visit.Id);
            if (sameVisit is not null)
            {
                after.Remove(sameVisit);
                if (!request.DryRun)
                {
                    db.VisitAssignments.Remove(sameVisit);
                }
            }

            var moved = new VisitAssignment(request.MissionId, t.Visit.Id, request.RegistrationId, t.Group, pinned: true);
            after.Add(moved);
            if (!request.DryRun)
            {
                db.VisitAssignments.Add(moved);
            }
        }

        var touched = new[] { from, to }.Where(g => g is not null).Select(g => (g!.Value.Visit.Id, g.Value.Group)).ToHashSet();
        var warnings = data.Warnings(after, a => a.RegistrationId == request.RegistrationId || touched.Contains((a.VisitId, a.Group)));
        if (!request.DryRun)
        {
            data.Plan.Changed();
            await db.SaveChangesAsync(cancellationToken);
        }

        return warnings;
    }

    private static (Domain.Visits.Visit Visit, VisitGroupSlot Group)? Group(VisitSchedulingData data, string? key, string field)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var parsed = VisitGroupSlot.Parse(key) ?? throw new DomainException(field, "That group does not exist.");
        var visit = data.VisitById(parsed.VisitId) ?? throw new DomainException(field, "That visit is cancelled, declined by its host, or not part of this mission.");
        var group = visit.Groups().FirstOrDefault(g => g.StartsAt == parsed.StartsAt && g.Number == parsed.Number);
        return group == default ? throw new DomainException(field, "That group does not exist (the visit's times may have changed).") : (visit, group);
    }
}

/// <summary>Locks the schedule (no runs or moves, preferences closed) or unlocks it.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record LockVisitPlanCommand(Guid MissionId, bool Locked) : IRequest<Unit>, IMissionRequest;

public sealed class LockVisitPlanHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<LockVisitPlanCommand, Unit>
{
    public async Task<Unit> Handle(LockVisitPlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await VisitPlans.GetAsync(db, request.MissionId, cancellationToken);
        if (request.Locked)
        {
            plan.Lock(clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            plan.Unlock();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed record PublishResult(int Groups, int Added, int Removed, int Cancelled);

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
                var when = ProgrammeChangeLog.When(item, mission);
                ProgrammeChangeLog.Record(db, item, $"Your visit: '{item.Title}', {when}.", members.Except(before), now);
                ProgrammeChangeLog.Record(db, item, $"'{item.Title}', {when}, is no longer in your programme.", before.Except(members), now);
                added += members.Except(before).Count();
                removed += before.Except(members).Count();
            }
        }

        foreach (var item in items.Where(i => !i.Cancelled && !groups.Keys.Any(g => g.VisitId == i.VisitId && g.Group.Number == i.VisitGroup && g.Group.StartsAt == i.StartsAt)))
        {
            item.Cancel();
            ProgrammeChangeLog.Record(db, item, $"Cancelled: '{item.Title}', {ProgrammeChangeLog.When(item, mission)}.",
                audiences[item.Id].Select(x => x.RegistrationId), now);
            cancelled++;
        }

        data.Plan.Published(now);
        await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, now, cancellationToken);
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
