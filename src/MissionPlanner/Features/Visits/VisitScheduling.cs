using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Scheduling;
using SolverVisit = MissionPlanner.Scheduling.Visit;
using Visit = MissionPlanner.Domain.Visits.Visit;

namespace MissionPlanner.Features.Visits;

/// <summary>A confirmed participant as scheduling sees them.</summary>
internal sealed record Person(Guid Id, string Name, string Organisation, bool HasIdDetails);

/// <summary>One thing a person is already doing: a programme item outside the visits.</summary>
/// <param name="Away">The time before they arrive or after they leave (<see cref="MissionPlanner.Features.Travel.Stays"/>); the title says which ("arrives Mon 18 Jan 14:35").</param>
internal sealed record BusyItem(string Title, DateTime StartsAt, DateTime EndsAt, Guid? VenueId, bool Away = false);

/// <summary>
/// Everything the visit schedule is built from and checked against, read in a few queries: the
/// active visits (not cancelled, not declined by their host), confirmed people with their ranks,
/// their own programme outside the visits, travel times, and the current assignments.
/// </summary>
internal sealed class VisitSchedulingData
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public required Mission Mission { get; init; }
    public required VisitPlan Plan { get; init; }
    public required List<Visit> Visits { get; init; }
    public required Dictionary<Guid, string> VenueNames { get; init; }
    public required List<Person> People { get; init; }
    public required ILookup<Guid, VisitPreference> Preferences { get; init; }
    public required Dictionary<Guid, List<BusyItem>> Busy { get; init; }
    public required Dictionary<(Guid, Guid), int> Travel { get; init; }
    public required List<VisitAssignment> Assignments { get; init; }

    public static async Task<VisitSchedulingData> LoadAsync(AppDbContext db, Guid missionId, CancellationToken ct, bool tracked = false)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionId, ct);
        var plan = await VisitPlans.GetAsync(db, missionId, ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.MissionId == missionId && !v.Cancelled && v.HostResponse != HostResponse.Declined)
            .OrderBy(v => v.Title).ToListAsync(ct);
        var confirmed = await db.Registrations.AsNoTracking().Where(r => r.MissionId == missionId && r.Status == RegistrationStatus.Confirmed)
            .OrderBy(r => r.Name).Select(r => new { Person = new Person(r.Id, r.Name, r.Organisation, r.IdDetails != null), r.Sector }).ToListAsync(ct);
        var people = confirmed.Select(r => r.Person).ToList();
        var sectors = confirmed.ToDictionary(r => r.Person.Id, r => r.Sector.ToString());
        // A B2B session keeps people busy only in their own meetings, which are items of their own.
        var items = await db.ProgrammeItems.AsNoTracking()
            .Where(p => p.MissionId == missionId && !p.Cancelled && p.VisitId == null && p.Kind != ProgrammeItemKind.B2BMeetings).ToListAsync(ct);
        var chosen = (await db.ProgrammeItemPeople.AsNoTracking().Where(x => items.Select(i => i.Id).Contains(x.ProgrammeItemId)).ToListAsync(ct))
            .ToLookup(x => x.RegistrationId, x => x.ProgrammeItemId);
        var stays = await MissionPlanner.Features.Travel.Stays.ForMissionAsync(db, missionId, ct);
        var busy = people.ToDictionary(p => p.Id, p => items
            .Where(i => i.Audience == Audience.Everyone
                        || i.Audience == Audience.Sectors && i.AudienceSectors.Split(',').Contains(sectors[p.Id])
                        || i.Audience == Audience.People && chosen[p.Id].Contains(i.Id))
            .Select(i => new BusyItem(i.Title, i.StartsAt, i.EndsAt, i.VenueId))
            .Concat(MissionPlanner.Features.Travel.Stays.Outside(stays.GetValueOrDefault(p.Id), mission).Select(o => new BusyItem(o.Title, o.StartsAt, o.EndsAt, null, Away: true))).ToList());
        var assignments = await (tracked ? db.VisitAssignments : db.VisitAssignments.AsNoTracking()).Where(a => a.MissionId == missionId).ToListAsync(ct);
        return new VisitSchedulingData
        {
            Mission = mission,
            Plan = plan,
            Visits = visits,
            VenueNames = await db.Venues.AsNoTracking().Where(v => v.MissionId == missionId).ToDictionaryAsync(v => v.Id, v => v.Name, ct),
            People = people,
            Preferences = (await db.VisitPreferences.AsNoTracking().Where(p => p.MissionId == missionId).ToListAsync(ct)).ToLookup(p => p.RegistrationId),
            Busy = busy,
            Travel = await db.VenueTravelTimes.AsNoTracking().Where(t => t.MissionId == missionId).ToDictionaryAsync(t => (t.FromVenueId, t.ToVenueId), t => t.Minutes, ct),
            Assignments = assignments,
        };
    }

    public Visit? VisitById(Guid id) => Visits.FirstOrDefault(v => v.Id == id);

    public int TravelMinutes(Guid? from, Guid? to) =>
        from is not { } a || to is not { } b || a == b ? 0 : Travel.TryGetValue(a.CompareTo(b) < 0 ? (a, b) : (b, a), out var m) ? m : 0;

    public string GroupName(Visit visit, VisitGroupSlot group)
    {
        var zone = Mission.TimeZone;
        var when = $"{MissionTime.ToLocal(group.StartsAt, zone).ToString("ddd d MMM HH:mm", English)}–{MissionTime.ToLocal(group.EndsAt, zone):HH:mm}";
        return visit.ParallelGroups > 1 ? $"'{visit.Title}' {when} (group {group.Number})" : $"'{visit.Title}' {when}";
    }

    /// <summary>
    /// The problem for the solver. Pins are the organisers' manual placements; when one visit is
    /// rescheduled, every place on the other visits is held as a pin too.
    /// </summary>
    public SchedulingProblem Problem(DateTime now, Guid? onlyVisit)
    {
        var screenedOpen = Visits.Where(v => v.ScreensVisitors).ToDictionary(v => v.Id, v => now <= v.ScreeningClosesAt);
        var solverVisits = Visits.Select(v => new SolverVisit(v.Id.ToString("N"), v.Title,
            v.Groups().Select(g => new VisitGroup(g.Key(v.Id), new Slot(g.StartsAt, g.EndsAt, v.VenueId.ToString("N")), v.MinGroupSize, v.MaxGroupSize)).ToList(),
            v.ScreensVisitors ? new HashSet<string> { "id:" + v.Id.ToString("N") } : new HashSet<string>())).ToList();
        var active = Visits.ToDictionary(v => v.Id);
        var byPerson = Assignments.Where(a => active.ContainsKey(a.VisitId)).ToLookup(a => a.RegistrationId);
        var participants = People.Select(p => new Participant(p.Id.ToString("N"),
            Preferences[p.Id].Where(x => active.ContainsKey(x.VisitId)).OrderBy(x => x.Rank).Select(x => x.VisitId.ToString("N")).ToList(),
            Visits.Where(v => v.ScreensVisitors && p.HasIdDetails && (screenedOpen[v.Id] || byPerson[p.Id].Any(a => a.VisitId == v.Id)))
                .Select(v => "id:" + v.Id.ToString("N")).ToHashSet(),
            Busy[p.Id].Select(b => new Slot(b.StartsAt, b.EndsAt, b.VenueId?.ToString("N") ?? "")).ToList(),
            byPerson[p.Id].Where(a => a.Pinned || onlyVisit is { } only && a.VisitId != only).Select(a => a.Group.Key(a.VisitId)).ToList())).ToList();
        return new SchedulingProblem(solverVisits, participants,
            (from, to) => from.Length == 0 || to.Length == 0 ? 0 : TravelMinutes(Guid.ParseExact(from, "N"), Guid.ParseExact(to, "N")),
            Plan.VisitsPerParticipant);
    }

    /// <summary>
    /// What is wrong with the assignments as they stand (or would be after a move): groups over
    /// their size or under their minimum, people in two places at once or without time to travel,
    /// and screened visits for people whose ID details are missing.
    /// </summary>
    public List<string> Warnings(IReadOnlyCollection<VisitAssignment> assignments, Func<VisitAssignment, bool>? about = null)
    {
        var warnings = new List<string>();
        var names = People.ToDictionary(p => p.Id);
        foreach (var group in assignments.GroupBy(a => (a.VisitId, a.Group)))
        {
            if (VisitById(group.Key.VisitId) is not { } visit || about is not null && !group.Any(about))
            {
                continue;
            }

            var count = group.Count();
            if (count > visit.MaxGroupSize)
            {
                warnings.Add($"{GroupName(visit, group.Key.Group)} has {Counted.People(count)}; the host takes {visit.MaxGroupSize}.");
            }
            else if (count < visit.MinGroupSize)
            {
                warnings.Add($"{GroupName(visit, group.Key.Group)} has {count} {(count == 1 ? "person" : "people")}; the host needs at least {visit.MinGroupSize}.");
            }
        }

        foreach (var mine in assignments.Where(a => about is null || about(a)).GroupBy(a => a.RegistrationId))
        {
            if (!names.TryGetValue(mine.Key, out var person))
            {
                continue;
            }

            var list = mine.Where(a => VisitById(a.VisitId) is not null).OrderBy(a => a.StartsAt).ToList();
            foreach (var a in list)
            {
                var visit = VisitById(a.VisitId)!;
                if (visit.ScreensVisitors && !person.HasIdDetails)
                {
                    warnings.Add($"{person.Name} has no ID details on file, which {GroupName(visit, a.Group)} requires.");
                }

                foreach (var b in Busy[person.Id])
                {
                    if (b.Away)
                    {
                        if (a.StartsAt < b.EndsAt && b.StartsAt < a.EndsAt)
                        {
                            warnings.Add($"{person.Name} {b.Title}, outside {GroupName(visit, a.Group)}.");
                        }

                        continue;
                    }

                    var gap = TravelMinutes(visit.VenueId, b.VenueId);
                    if (a.StartsAt < b.EndsAt.AddMinutes(gap) && b.StartsAt < a.EndsAt.AddMinutes(gap))
                    {
                        warnings.Add(a.StartsAt < b.EndsAt && b.StartsAt < a.EndsAt
                            ? $"{person.Name} would be in {GroupName(visit, a.Group)} and in '{b.Title}' at the same time."
                            : $"{person.Name} would not have the {gap} minutes needed to travel between {GroupName(visit, a.Group)} and '{b.Title}'.");
                    }
                }
            }

            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (x, y) = (list[i], list[j]);
                    var (vx, vy) = (VisitById(x.VisitId)!, VisitById(y.VisitId)!);
                    var gap = TravelMinutes(vx.VenueId, vy.VenueId);
                    if (y.StartsAt < x.EndsAt.AddMinutes(gap))
                    {
                        warnings.Add($"{person.Name} would be in {GroupName(vx, x.Group)} and {GroupName(vy, y.Group)}, which overlap or leave too little travel time.");
                    }
                }
            }
        }

        return warnings;
    }

    public static string ExplanationsJson(Schedule schedule) =>
        JsonSerializer.Serialize(schedule.Placements.Where(p => p.Unmet.Count > 0).ToDictionary(p => p.ParticipantId,
            p => p.Unmet.Select(u => new StoredExplanation(u.VisitId, u.Rank, u.Reason.ToString())).ToList()));

    public static Dictionary<string, List<StoredExplanation>> ReadExplanations(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, List<StoredExplanation>>>(json) ?? [];

    internal sealed record StoredExplanation(string VisitId, int Rank, string Reason);
}
