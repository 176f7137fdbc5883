using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// Changes a transfer service's name, place, meeting point, seats, longest wait, time at the hub and drive time (its hub
/// and direction stay: add another service for another route). The runs stay as they are; what no longer fits (a vehicle
/// over its seats, a wait too long) shows as a warning until proposed again. A published service's itineraries show the
/// change at once. <c>Version</c> is the one last read (409 when someone changed it since).
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateTransferServiceCommand(
    string? Name, string? Place, string? MeetingPoint, int VehicleCapacity, int MaxWaitMinutes, int BufferMinutes, int DriveMinutes, int? Version)
    : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid ServiceId { get; init; }
}

public sealed class UpdateTransferServiceValidator : AbstractValidator<UpdateTransferServiceCommand>
{
    public UpdateTransferServiceValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(TransferService.NameMax).SingleLine();
        RuleFor(x => x.Place).NotEmpty().MaximumLength(TransferService.PlaceMax).SingleLine();
        RuleFor(x => x.MeetingPoint).NotEmpty().MaximumLength(TransferService.MeetingPointMax).SingleLine();
        RuleFor(x => x.Version).NotNull();
    }
}

public sealed class UpdateTransferServiceHandler(AppDbContext db) : IRequestHandler<UpdateTransferServiceCommand, Unit>
{
    public async Task<Unit> Handle(UpdateTransferServiceCommand request, CancellationToken cancellationToken)
    {
        var service = await Transfers.ServiceAsync(db, request.MissionId, request.ServiceId, cancellationToken);
        db.ExpectVersion(service, request.Version!.Value);
        service.Change(request.Name!, request.Place!, request.MeetingPoint!, request.VehicleCapacity, request.MaxWaitMinutes, request.BufferMinutes,
            request.DriveMinutes);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
