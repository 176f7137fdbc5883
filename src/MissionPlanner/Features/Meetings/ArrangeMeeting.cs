using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// The organisers add a meeting (the head of delegation with a minister): a counterpart and one or more
/// confirmed delegates, in a session slot or at a time and place of its own. It is pinned: the scheduler
/// keeps it. Refused, with the clash named, when it breaks a rule: someone busy in their programme or
/// without time to travel, in another meeting, outside the counterpart's stated availability, over a cap.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ArrangeMeetingCommand(Guid MissionId, Guid CounterpartId, IReadOnlyList<Guid> DelegateIds, MeetingPlacement Where, bool MustMeet = true)
    : IRequest<PlannedMeeting>, IMissionRequest;

public sealed class ArrangeMeetingHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<ArrangeMeetingCommand, PlannedMeeting>
{
    public async Task<PlannedMeeting> Handle(ArrangeMeetingCommand request, CancellationToken cancellationToken)
    {
        var data = await MeetingSchedulingData.LoadAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken, tracked: true);
        data.Plan.EnsureUnlocked();
        if (!data.People.TryGetValue(request.CounterpartId, out var counterpart) || counterpart.Party != MeetingParty.Counterpart)
        {
            throw new DomainException(nameof(request.CounterpartId), "Choose a counterpart of this mission who is still on the list.");
        }

        if (request.DelegateIds is not { Count: > 0 })
        {
            throw new DomainException(nameof(request.DelegateIds), "Choose at least one delegate.");
        }

        foreach (var id in request.DelegateIds)
        {
            if (!data.People.TryGetValue(id, out var d) || d.Party != MeetingParty.Delegate)
            {
                throw new DomainException(nameof(request.DelegateIds), "Only confirmed delegates of this mission can meet counterparts.");
            }
        }

        var meeting = new Meeting(request.MissionId, request.CounterpartId, request.DelegateIds, request.MustMeet, arranged: true);
        if (data.Meetings.FirstOrDefault(m => m.PeopleKey == meeting.PeopleKey) is { } same)
        {
            throw new DomainException(nameof(request.DelegateIds), $"{data.Names(same)} meet already: {data.Where(same)}. Move that meeting instead.");
        }

        MeetingPlanning.Place(data, meeting, request.Where);
        var all = data.Meetings.Append(meeting).ToList();
        if (data.Warnings(all, m => m == meeting) is [var clash, ..])
        {
            throw new DomainException("Clash", clash);
        }

        db.Meetings.Add(meeting);
        data.Plan.Changed(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return MeetingPlanning.Planned(data, meeting);
    }
}
