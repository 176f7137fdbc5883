using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

/// <summary>An organiser cancels someone's registration (with the same promotion of the next in line).</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelRegistrationCommand(Guid MissionId, Guid RegistrationId) : IRequest<Unit>, IMissionRequest;

public sealed class CancelRegistrationHandler(AppDbContext db, OutboxWriter outbox, TimeProvider clock, CurrentUser user)
    : IRequestHandler<CancelRegistrationCommand, Unit>
{
    public async Task<Unit> Handle(CancelRegistrationCommand request, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new NotFoundException("Registration");
        await RegistrationCancellation.CancelAsync(db, outbox, registration, user.IsSystem ? "system" : $"organiser {user.OrganiserId}",
            clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Unit.Value;
    }
}
