using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// Sets how a B2B meetings programme item runs: slot length and break in minutes, and its tables. The
/// slots are counted from the item's start; refused, naming the field, when no slot fits in the item.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ConfigureMeetingSessionCommand(Guid MissionId, Guid ProgrammeItemId, int SlotMinutes, int BreakMinutes, int Tables)
    : IRequest<MeetingSessionView>, IMissionRequest;

public sealed class ConfigureMeetingSessionHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<ConfigureMeetingSessionCommand, MeetingSessionView>
{
    public async Task<MeetingSessionView> Handle(ConfigureMeetingSessionCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.ProgrammeItemId && i.MissionId == request.MissionId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        var session = await db.MeetingSessions.FirstOrDefaultAsync(s => s.ProgrammeItemId == item.Id, cancellationToken);
        if (session is null)
        {
            session = new MeetingSession(item, request.SlotMinutes, request.BreakMinutes, request.Tables);
            db.MeetingSessions.Add(session);
        }
        else
        {
            session.Configure(item, request.SlotMinutes, request.BreakMinutes, request.Tables);
            (await MeetingPlans.GetAsync(db, request.MissionId, cancellationToken)).Changed(clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        return MeetingSessionView.Of(item, session, mission.TimeZone, 0);
    }
}
