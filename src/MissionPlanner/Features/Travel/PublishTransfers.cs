using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Travel;

/// <summary>Publishes a transfer service: from now on each passenger's itinerary (page, PDF, calendar) shows their vehicle, time and meeting point.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record PublishTransfersCommand(Guid MissionId, Guid ServiceId) : IRequest<Unit>, IMissionRequest;

public sealed class PublishTransfersHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<PublishTransfersCommand, Unit>
{
    public async Task<Unit> Handle(PublishTransfersCommand request, CancellationToken cancellationToken)
    {
        var service = await Transfers.ServiceAsync(db, request.MissionId, request.ServiceId, cancellationToken);
        service.Publish(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
