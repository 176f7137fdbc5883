using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// On the day, organisers mark the side that did not come to a meeting (null: it was held after all). A meeting marked
/// so is not asked about afterwards and counts as not held. Allowed while the schedule is locked: it records what
/// happened, it does not change the plan.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record MarkMeetingNoShowCommand(Guid MissionId, Guid MeetingId, MeetingParty? Absent) : IRequest<Unit>, IMissionRequest;

public sealed class MarkMeetingNoShowHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<MarkMeetingNoShowCommand, Unit>
{
    public async Task<Unit> Handle(MarkMeetingNoShowCommand request, CancellationToken cancellationToken)
    {
        var data = await MeetingSchedulingData.LoadAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken, tracked: true);
        MeetingPlanning.Find(data, request.MeetingId).MarkNoShow(request.Absent);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
