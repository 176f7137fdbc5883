using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// How the mission's B2B meetings come about, either or both: (a) requests that the other side accepts or
/// declines; (b) a preference round where both sides mark each other until <see cref="PreferencesDeadlineLocal"/>
/// (mission time; null: until closed here), and mutual interest decides. Reopening the round while the
/// published schedule is locked is refused until it is unlocked.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetMeetingModesCommand(Guid MissionId, bool Requests, bool PreferenceRound, DateTime? PreferencesDeadlineLocal = null)
    : IRequest<Unit>, IMissionRequest;

public sealed class SetMeetingModesHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<SetMeetingModesCommand, Unit>
{
    public async Task<Unit> Handle(SetMeetingModesCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var plan = await MeetingPlans.GetAsync(db, request.MissionId, cancellationToken);
        var deadline = request.PreferencesDeadlineLocal is { } local ? MissionTime.FromTyped(local, mission.TimeZone, "PreferencesDeadlineLocal") : (DateTime?)null;
        plan.SetModes(request.Requests, request.PreferenceRound, deadline, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
