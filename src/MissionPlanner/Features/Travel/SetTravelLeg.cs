using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// An organiser sets a delegate's arrival or departure (adding it when there is none), as the delegate or their
/// travel agency gave it. Refused, naming the field, with nothing saved: an arrival after the departure, a hub of
/// another mission, a time that does not exist in the hub's zone, a flight or train without its number, a stale
/// <paramref name="Version"/> (a conflict).
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetTravelLegCommand(
    LegMode? Mode, string? Carrier, string? Number, Guid? HubId, string? OtherEnd, DateTime? ScheduledLocal, int? Version = null)
    : IRequest<Unit>, IMissionRequest, ITravelLegFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid RegistrationId { get; init; }

    [JsonIgnore]
    public LegDirection Direction { get; init; }

    /// <summary>Only the delegate gives or withdraws consent to show their mobile (on their own page): an organiser's change keeps it.</summary>
    [JsonIgnore]
    public bool? ShareMobile => null;
}

public sealed class SetTravelLegValidator : TravelLegValidator<SetTravelLegCommand>;

public sealed class SetTravelLegHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<SetTravelLegCommand, Unit>
{
    public async Task<Unit> Handle(SetTravelLegCommand request, CancellationToken cancellationToken)
    {
        var status = await db.Registrations.Where(r => r.Id == request.RegistrationId && r.MissionId == request.MissionId && r.ErasedAt == null)
                         .Select(r => (RegistrationStatus?)r.Status).FirstOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException("Registration");
        if (status != RegistrationStatus.Confirmed)
        {
            throw new DomainException("RegistrationId", "Only a confirmed delegate travels with the mission.");
        }

        await TravelRules.SetAsync(db, await db.MissionAsync(request.MissionId, cancellationToken), request.RegistrationId, request.Direction, request, request.Version,
            clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
