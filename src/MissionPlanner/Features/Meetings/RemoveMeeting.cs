using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// Takes a meeting out of the schedule (it will not take place). Once published, publishing again
/// cancels it in its people's itineraries and tells them. A meeting still asked for is placed again by
/// the next run unless its request is withdrawn. A meeting that has begun is refused (<see cref="Domain.Meetings.Meeting.HasBegun"/>).
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveMeetingCommand(Guid MissionId, Guid MeetingId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveMeetingHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RemoveMeetingCommand, Unit>
{
    public async Task<Unit> Handle(RemoveMeetingCommand request, CancellationToken cancellationToken)
    {
        var data = await MeetingSchedulingData.LoadAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken, tracked: true);
        data.Plan.EnsureUnlocked();
        var meeting = MeetingPlanning.Find(data, request.MeetingId);
        var now = clock.GetUtcNow().UtcDateTime;
        meeting.EnsureNotBegun(now);
        db.Meetings.Remove(meeting);
        data.Plan.Changed(now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
