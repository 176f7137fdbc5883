using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// An organiser moves a delegate to another vehicle of the same service (<paramref name="ToRun"/>: its number). The
/// runs' times follow their passengers; a vehicle over capacity is refused on "ToRun"; a longer wait than allowed is
/// allowed but listed as a warning (organisers know when a delegate would rather wait).
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record MoveTransferPassengerCommand(Guid? RegistrationId, int ToRun) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid ServiceId { get; init; }
}

public sealed class MoveTransferPassengerHandler(AppDbContext db) : IRequestHandler<MoveTransferPassengerCommand, Unit>
{
    public async Task<Unit> Handle(MoveTransferPassengerCommand request, CancellationToken cancellationToken)
    {
        var service = await Transfers.ServiceAsync(db, request.MissionId, request.ServiceId, cancellationToken);
        var demand = (await Transfers.DemandAsync(db, service, cancellationToken)).ToDictionary(d => d.Person, d => d.ReadyAt);
        if (request.RegistrationId is not { } person || !demand.ContainsKey(person))
        {
            throw new DomainException("RegistrationId", "This delegate has no arrival or departure this service carries.");
        }

        var runs = await db.TransferRuns.Include(r => r.Passengers).Where(r => r.ServiceId == service.Id).ToListAsync(cancellationToken);
        var to = runs.FirstOrDefault(r => r.Number == request.ToRun) ?? throw new DomainException("ToRun", $"The service has no vehicle {request.ToRun}.");
        if (to.Passengers.Any(p => p.RegistrationId == person))
        {
            return Unit.Value;
        }

        // Seats are counted for those the service still carries (a journey may have changed since).
        if (to.Passengers.Count(p => demand.ContainsKey(p.RegistrationId)) >= service.VehicleCapacity)
        {
            throw new DomainException("ToRun", $"Vehicle {to.Number} is full ({service.VehicleCapacity} seats).");
        }

        var from = runs.FirstOrDefault(r => r.Passengers.Any(p => p.RegistrationId == person));
        from?.Leave(person);
        to.Board(person);
        foreach (var run in new[] { from, to }.OfType<Domain.Travel.TransferRun>().Where(r => r.Passengers.Any(p => demand.ContainsKey(p.RegistrationId))))
        {
            run.Retime(Transfers.TimeOf(service, run.Passengers.Where(p => demand.ContainsKey(p.RegistrationId)).Select(p => demand[p.RegistrationId])));
        }

        if (from is not null && !from.Passengers.Any(p => demand.ContainsKey(p.RegistrationId)))
        {
            db.TransferRuns.Remove(from);
        }

        db.Entry(service).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
