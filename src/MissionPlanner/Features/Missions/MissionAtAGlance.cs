using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Missions;

/// <summary>The mission at a glance: the counts behind each part of the planning, and so what is waiting for the organisers.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetMissionAtAGlanceQuery(Guid MissionId) : IRequest<MissionAtAGlance>, IMissionRequest;

public sealed record MissionAtAGlance(
    int Confirmed, int Waitlisted, int AwaitingApproval, int? Capacity,
    int Invited, int InvitationsAccepted, int InvitationsUnanswered,
    int EmailsWaiting, int EmailsFailed,
    int Visits, int VisitsAwaitingHost, int VisitsChangedByHost,
    int CeremonyPeopleNotAsked, int CeremonyPeopleUnanswered, int CeremonyPeopleDeclined);

public sealed class GetMissionAtAGlanceHandler(AppDbContext db) : IRequestHandler<GetMissionAtAGlanceQuery, MissionAtAGlance>
{
    public async Task<MissionAtAGlance> Handle(GetMissionAtAGlanceQuery request, CancellationToken cancellationToken)
    {
        var id = request.MissionId;
        // Those who need not confirm (press, master of ceremonies) are Confirmed from the start, so the statuses alone say who is waited for.
        var ceremonyPeople = db.CeremonyPeople.Where(p => db.Ceremonies.Any(c => c.Id == p.CeremonyId && c.MissionId == id));
        var visits = db.Visits.Where(v => v.MissionId == id && !v.Cancelled);
        return await db.Missions.AsNoTracking().Where(m => m.Id == id).Select(m => new MissionAtAGlance(
                db.Registrations.Count(r => r.MissionId == id && r.Status == RegistrationStatus.Confirmed),
                db.Registrations.Count(r => r.MissionId == id && r.Status == RegistrationStatus.Waitlisted),
                db.Registrations.Count(r => r.MissionId == id && r.Status == RegistrationStatus.Pending),
                m.Capacity,
                db.Invitations.Count(i => i.MissionId == id && i.Status != InvitationStatus.Revoked),
                db.Invitations.Count(i => i.MissionId == id && i.Status == InvitationStatus.Accepted),
                db.Invitations.Count(i => i.MissionId == id && i.Status == InvitationStatus.Pending),
                db.OutboxMessages.Count(o => o.MissionId == id && (o.Status == OutboxStatus.Queued || o.Status == OutboxStatus.Sending)),
                db.OutboxMessages.Count(o => o.MissionId == id && o.Status == OutboxStatus.Failed),
                visits.Count(),
                visits.Count(v => v.HostResponse == HostResponse.Pending),
                visits.Count(v => v.HostResponse == HostResponse.ChangeProposed || v.HostResponse == HostResponse.Declined),
                ceremonyPeople.Count(p => p.Confirmation == ConfirmationStatus.NotAsked),
                ceremonyPeople.Count(p => p.Confirmation == ConfirmationStatus.Pending),
                ceremonyPeople.Count(p => p.Confirmation == ConfirmationStatus.Declined)))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Mission");
    }
}
