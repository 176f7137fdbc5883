using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Scheduling;
using Meeting = MissionPlanner.Domain.Meetings.Meeting;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// Runs the meeting scheduler over the accepted requests and the pinned meetings and replaces the
/// unpinned meetings in the sessions with its result. A meeting placed again for the same people keeps
/// its identity (and, once published, its programme item), so republishing tells only those whose
/// meetings moved. Refused while the plan is locked or when there is no session.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RunMeetingSchedulingCommand(Guid MissionId) : IRequest<MeetingRunResult>, IMissionRequest;

public sealed class RunMeetingSchedulingHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RunMeetingSchedulingCommand, MeetingRunResult>
{
    public async Task<MeetingRunResult> Handle(RunMeetingSchedulingCommand request, CancellationToken cancellationToken)
    {
        var data = await MeetingSchedulingData.LoadAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken, tracked: true);
        data.Plan.EnsureUnlocked();
        if (data.Sessions.Count == 0)
        {
            throw new DomainException("Sessions", "There is no B2B meetings session yet: add a programme item of kind B2B meetings and set its slots and tables.");
        }

        var now = data.Now;
        var problem = data.Problem();
        MeetingSchedule schedule;
        try
        {
            schedule = MeetingSolver.Solve(problem);
        }
        catch (SchedulingException ex)
        {
            throw new DomainException(ex.Field, ex.Message);
        }

        var existing = data.Meetings.ToDictionary(m => m.PeopleKey);
        var wanted = data.Wanted.ToDictionary(w => w.Key);
        var kept = new HashSet<Guid>();
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        foreach (var placed in schedule.Placed)
        {
            var session = data.Sessions.First(s => s.Item.Id.ToString("N") == placed.SessionId);
            var slot = session.Slots.First(s => MeetingSchedulingData.SlotId(session.Item.Id, s.Number) == placed.SlotId);
            if (!existing.TryGetValue(placed.RequestId, out var meeting))
            {
                var w = wanted[placed.RequestId];
                meeting = new Meeting(request.MissionId, w.CounterpartId, w.DelegateIds, w.MustMeet, arranged: false);
                db.Meetings.Add(meeting);
            }

            else if (!meeting.Arranged && wanted.TryGetValue(placed.RequestId, out var still))
            {
                meeting.MarkMustMeet(still.MustMeet);
            }

            meeting.PlaceInSession(session.Item.Id, slot, placed.Table, session.Item.VenueId);
            kept.Add(meeting.Id);
        }

        // Meetings nobody asks for any more, or that did not fit this time, go; arranged ones, those outside the sessions and those begun stay.
        var dropped = data.Meetings.Where(m => !kept.Contains(m.Id) && !m.Arranged && m.SessionId is not null && !m.HasBegun(now)).ToList();
        db.Meetings.RemoveRange(dropped);
        var unplaced = schedule.Unplaced.Select(u => new UnplacedMeetingView(
            wanted.TryGetValue(u.RequestId, out var w) ? data.Names(w.CounterpartId, w.DelegateIds) : data.Names(existing[u.RequestId]), data.Reason(u))).ToList();
        data.Plan.Ran(MeetingSchedulingData.UnplacedJson(unplaced), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MeetingRunResult(schedule.Placed.Count, unplaced, data.Warnings(db.Meetings.Local.ToList()));
    }
}
