using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Visits;

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
