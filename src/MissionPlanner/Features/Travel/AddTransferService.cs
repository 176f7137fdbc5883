using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// Adds a transfer service between one of the mission's airports or stations and a place: the vehicles' seats, the
/// longest anyone may wait (minutes), the time to allow at the hub (after landing, or before leaving), and for a service to
/// the hub how long the drive takes (passengers are told when their vehicle leaves the place).
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddTransferServiceCommand(
    Guid? HubId, TransferDirection? Direction, string? Name, string? Place, string? MeetingPoint, int VehicleCapacity, int MaxWaitMinutes, int BufferMinutes,
    int DriveMinutes = 0)
    : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class AddTransferServiceValidator : AbstractValidator<AddTransferServiceCommand>
{
    public AddTransferServiceValidator()
    {
        RuleFor(x => x.HubId).NotNull();
        RuleFor(x => x.Direction).NotNull().IsInEnum();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(TransferService.NameMax).SingleLine();
        RuleFor(x => x.Place).NotEmpty().MaximumLength(TransferService.PlaceMax).SingleLine();
        RuleFor(x => x.MeetingPoint).NotEmpty().MaximumLength(TransferService.MeetingPointMax).SingleLine();
    }
}

public sealed class AddTransferServiceHandler(AppDbContext db) : IRequestHandler<AddTransferServiceCommand, Guid>
{
    public async Task<Guid> Handle(AddTransferServiceCommand request, CancellationToken cancellationToken)
    {
        var hub = await db.TravelHubs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == request.HubId && h.MissionId == request.MissionId, cancellationToken)
                  ?? throw new DomainException("HubId", "Choose one of the mission's airports, stations or ports.");
        var service = new TransferService(request.MissionId, hub, request.Direction!.Value);
        service.Change(request.Name!, request.Place!, request.MeetingPoint!, request.VehicleCapacity, request.MaxWaitMinutes, request.BufferMinutes,
            request.DriveMinutes);
        db.TransferServices.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        return service.Id;
    }
}
