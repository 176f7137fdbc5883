using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>The B2B schedule as organisers review it (<see cref="MeetingPlanView"/>).</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetMeetingPlanQuery(Guid MissionId) : IRequest<MeetingPlanView>, IMissionRequest;

public sealed class GetMeetingPlanHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetMeetingPlanQuery, MeetingPlanView>
{
    public async Task<MeetingPlanView> Handle(GetMeetingPlanQuery request, CancellationToken cancellationToken)
    {
        var data = await MeetingSchedulingData.LoadAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var zone = data.Mission.TimeZone;
        var items = data.Meetings.Where(m => m.ProgrammeItemId is not null).Select(m => m.ProgrammeItemId!.Value).ToList();
        var present = (await db.Attendances.AsNoTracking().Where(a => items.Contains(a.ProgrammeItemId))
                .Select(a => new { a.ProgrammeItemId, a.RegistrationId }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ProgrammeItemId, a => a.RegistrationId);
        var meetings = data.Meetings.Select(m => MeetingPlanning.Planned(data, m) with
        {
            CheckedIn = m.ProgrammeItemId is { } item
                ? present[item].Where(data.People.ContainsKey).Select(p => data.People[p].Name).Order(StringComparer.CurrentCulture).ToList()
                : [],
        }).ToList();
        var bySession = meetings.Where(m => m.SessionId is not null).ToLookup(m => m.SessionId!.Value);
        var sessions = data.Sessions.Select(s => new SessionPlan(
            MeetingSessionView.Of(s.Item, s.Session, zone, bySession[s.Item.Id].Count()),
            s.Slots.Select(slot => new SlotPlan(slot.Number, MissionTime.ToLocal(slot.StartsAt, zone), MissionTime.ToLocal(slot.EndsAt, zone),
                Enumerable.Range(1, s.Session.Tables).Select(t => bySession[s.Item.Id].FirstOrDefault(m => m.Slot == slot.Number && m.Table == t)).ToList()))
                .ToList())).ToList();
        var configured = data.Sessions.Select(s => s.Item.Id).ToHashSet();
        var unconfigured = await db.ProgrammeItems.AsNoTracking()
            .Where(i => i.MissionId == request.MissionId && i.Kind == ProgrammeItemKind.B2BMeetings && !i.Cancelled)
            .OrderBy(i => i.StartsAt).ToListAsync(cancellationToken);
        var met = data.Meetings.SelectMany(m => m.Delegates.Select(d => d.RegistrationId)).ToHashSet();
        var asked = data.Wanted.Where(w => w.DelegateAsked).SelectMany(w => w.DelegateIds).Distinct()
            .Where(d => !met.Contains(d)).Select(d => data.People[d].Label).Order().ToList();
        var accepted = await db.MeetingRequests.CountAsync(r => r.MissionId == request.MissionId && r.Status == Domain.Meetings.MeetingRequestStatus.Accepted,
            cancellationToken);
        return new MeetingPlanView(data.Plan.LastRunAt, data.Plan.LockedAt is not null, data.Plan.PublishedAt, data.Plan.ChangedSincePublish, data.Plan.Version,
            sessions, unconfigured.Where(i => !configured.Contains(i.Id)).Select(i => MeetingSessionView.Of(i, null, zone, 0)).ToList(),
            meetings, MeetingSchedulingData.ReadUnplaced(data.Plan.Unplaced), data.Warnings(data.Meetings), accepted, asked,
            data.People.Values.OrderBy(p => p.Party).ThenBy(p => p.Name, StringComparer.CurrentCulture)
                .Select(p => new MeetingPersonView(p.Id, p.Party, p.Label, p.Cap, p.Priority,
                    data.Meetings.Count(m => m.CounterpartId == p.Id || m.Delegates.Any(d => d.RegistrationId == p.Id)))).ToList())
        {
            RequestsOpen = data.Plan.RequestsOpen,
            PreferenceRound = data.Plan.PreferenceRound,
            PreferencesDeadlineLocal = data.Plan.PreferencesDeadline is { } d ? MissionTime.ToLocal(d, zone) : null,
            Marks = data.Marks,
            MutualPairs = data.MutualPairs,
        };
    }
}
