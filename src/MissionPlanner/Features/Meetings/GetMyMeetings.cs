using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <param name="WithDirectory">False when the caller has the other side's directory already (a counterpart's page): its entries are then empty.</param>
public sealed record GetMyMeetingsQuery(string Token, DirectoryFilter? Filter = null, bool WithDirectory = true) : IRequest<MyMeetingsView>;

public sealed class GetMyMeetingsHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<GetMyMeetingsQuery, MyMeetingsView>
{
    public async Task<MyMeetingsView> Handle(GetMyMeetingsQuery request, CancellationToken cancellationToken)
    {
        var me = await MeetingParties.WhoAsync(db, links, request.Token, cancellationToken);
        var other = me.Party == MeetingParty.Delegate ? DirectoryKind.Counterpart : DirectoryKind.Delegate;
        var directory = request.WithDirectory
            ? await Directory.LoadAsync(db, me.Mission.Id, [other], request.Filter ?? new DirectoryFilter(), cancellationToken)
            : new DirectoryView([], 0, [], [], []);
        var requests = await db.MeetingRequests.AsNoTracking()
            .Where(r => r.MissionId == me.Mission.Id && (me.Party == MeetingParty.Delegate ? r.DelegateId == me.Id : r.CounterpartId == me.Id))
            .OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var names = await MeetingParties.NamesAsync(db, me.Mission.Id, cancellationToken);
        var plan = await db.MeetingPlans.AsNoTracking().FirstOrDefaultAsync(p => p.MissionId == me.Mission.Id, cancellationToken) ?? new MeetingPlan(me.Mission.Id);
        var marks = await db.MeetingPreferences.AsNoTracking()
            .Where(p => p.MissionId == me.Mission.Id && p.From == me.Party && (me.Party == MeetingParty.Delegate ? p.DelegateId == me.Id : p.CounterpartId == me.Id))
            .ToDictionaryAsync(p => me.Party == MeetingParty.Delegate ? p.CounterpartId : p.DelegateId, p => p.Interest, cancellationToken);
        return new MyMeetingsView(me.Party, me.Name, me.Mission.Title, PublicLinks.Dates(me.Mission.StartDate, me.Mission.EndDate), directory,
            requests.Select(r =>
            {
                var otherId = me.Party == MeetingParty.Delegate ? r.CounterpartId : r.DelegateId;
                var (name, organisation) = names.GetValueOrDefault(otherId, ("Someone no longer listed", "—"));
                return new MeetingRequestView(r.Id, otherId, name, organisation, r.From != me.Party, r.Status, r.Message, r.Reply, r.CreatedAt);
            }).ToList())
        {
            RequestsOpen = plan.RequestsOpen,
            PreferencesOpen = plan.PreferencesOpen(clock.GetUtcNow().UtcDateTime),
            PreferencesDeadlineLocal = plan.PreferencesDeadline is { } d ? Domain.Missions.MissionTime.ToLocal(d, me.Mission.TimeZone) : null,
            Interests = marks,
            Outcomes = await OutcomesAsync(me, names, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<MyMeetingOutcome>> OutcomesAsync(MeetingPerson me, Dictionary<Guid, (string Name, string Organisation)> names, CancellationToken ct)
    {
        var rows = await (from o in db.MeetingOutcomes.AsNoTracking()
                          join m in db.Meetings.AsNoTracking().Include(x => x.Delegates) on o.MeetingId equals m.Id
                          join i in db.ProgrammeItems.AsNoTracking() on m.ProgrammeItemId equals i.Id
                          where o.PersonId == me.Id && o.Party == me.Party
                          orderby i.StartsAt descending, o.Round descending
                          select new { Outcome = o, Meeting = m, i.StartsAt }).ToListAsync(ct);
        string Label(Guid id) => names.TryGetValue(id, out var n) ? $"{n.Name} ({n.Organisation})" : "someone no longer listed";
        return rows.Select(r => new MyMeetingOutcome(r.Outcome.Id,
            me.Party == MeetingParty.Delegate ? Label(r.Meeting.CounterpartId) : string.Join(" and ", r.Meeting.Delegates.Select(d => Label(d.RegistrationId)).Order()),
            Domain.Missions.MissionTime.ToLocal(r.StartsAt, me.Mission.TimeZone), r.Outcome.Round, r.Outcome.Result, r.Outcome.NextSteps)).ToList();
    }
}
