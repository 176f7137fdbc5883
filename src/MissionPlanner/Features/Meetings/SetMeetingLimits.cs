using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// The organisers set a person's meeting cap (the most meetings they take; null: no limit) and, for a
/// delegate, a priority (0 normal to 10: served first when meetings compete). <see cref="PersonId"/> is a
/// registration or a counterpart of the mission.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetMeetingLimitsCommand(Guid MissionId, Guid PersonId, int? Cap, int Priority = 0) : IRequest<Unit>, IMissionRequest;

public sealed class SetMeetingLimitsHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<SetMeetingLimitsCommand, Unit>
{
    public async Task<Unit> Handle(SetMeetingLimitsCommand request, CancellationToken cancellationToken)
    {
        if (await db.Registrations.FirstOrDefaultAsync(r => r.Id == request.PersonId && r.MissionId == request.MissionId, cancellationToken) is { } registration)
        {
            registration.SetMeetingLimits(request.Cap, request.Priority);
        }
        else if (await db.Counterparts.FirstOrDefaultAsync(c => c.Id == request.PersonId && c.MissionId == request.MissionId, cancellationToken) is { } counterpart)
        {
            if (request.Priority != 0)
            {
                throw new DomainException("MeetingPriority", "Priorities are for delegates; a counterpart has a cap only.");
            }

            counterpart.SetMeetingLimits(request.Cap, 0);
        }
        else
        {
            throw new NotFoundException("Person");
        }

        (await MeetingPlans.GetAsync(db, request.MissionId, cancellationToken)).Changed(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
