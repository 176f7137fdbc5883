using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// Proposes a transfer service's vehicle runs from the delegates' arrivals (or departures) at its hub, replacing the
/// runs it had: the fewest vehicles, none over capacity, nobody waiting longer than allowed (<see cref="TransferPlanner"/>).
/// Returns how many runs.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ProposeTransfersCommand(Guid MissionId, Guid ServiceId) : IRequest<int>, IMissionRequest;

public sealed class ProposeTransfersHandler(AppDbContext db) : IRequestHandler<ProposeTransfersCommand, int>
{
    public async Task<int> Handle(ProposeTransfersCommand request, CancellationToken cancellationToken)
    {
        var service = await Transfers.ServiceAsync(db, request.MissionId, request.ServiceId, cancellationToken);
        var demand = await Transfers.DemandAsync(db, service, cancellationToken);
        var runs = TransferPlanner.Propose(service.Direction, demand.Select(d => (d.Person, d.ReadyAt)).ToList(), service.VehicleCapacity,
            TimeSpan.FromMinutes(service.MaxWaitMinutes));
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        await db.TransferRuns.Where(r => r.ServiceId == service.Id).ExecuteDeleteAsync(cancellationToken);
        db.TransferRuns.AddRange(runs.Select((r, i) => new TransferRun(service.Id, i + 1, r.At, r.People)));
        // Proposing again changes what people may already see: the service's version moves on.
        db.Entry(service).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return runs.Count;
    }
}
