using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Travel;

/// <summary>Removes a transfer service with its vehicle runs; a published one leaves the passengers' itineraries.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveTransferServiceCommand(Guid MissionId, Guid ServiceId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveTransferServiceHandler(AppDbContext db) : IRequestHandler<RemoveTransferServiceCommand, Unit>
{
    public async Task<Unit> Handle(RemoveTransferServiceCommand request, CancellationToken cancellationToken)
    {
        db.TransferServices.Remove(await Transfers.ServiceAsync(db, request.MissionId, request.ServiceId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
