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

namespace MissionPlanner.Features.Rooms;

/// <summary>
/// Puts a confirmed delegate in a room of a block for their nights, moving them from any room they had. Without dates,
/// their nights come from their travel (<see cref="Rooms.StayOf"/>). A room sleeps one (single) or two (double, twin)
/// on any night: one more is refused, naming the room and night. Numbers above the rooms held are rooms to ask the hotel
/// for (warned, not refused). Two organisers filling the same block at once: one gets a 409 and tries again.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AssignRoomCommand(Guid? RegistrationId, Guid? BlockId, int Room, DateOnly? CheckIn = null, DateOnly? CheckOut = null)
    : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class AssignRoomValidator : AbstractValidator<AssignRoomCommand>
{
    public AssignRoomValidator()
    {
        RuleFor(x => x.RegistrationId).NotNull();
        RuleFor(x => x.BlockId).NotNull();
        RuleFor(x => x.Room).InclusiveBetween(1, RoomAssignment.RoomNumberMax);
        RuleFor(x => x.CheckOut).NotNull().When(x => x.CheckIn is not null).WithMessage("Give both check-in and check-out, or neither to take them from travel.");
        RuleFor(x => x.CheckIn).NotNull().When(x => x.CheckOut is not null).WithMessage("Give both check-in and check-out, or neither to take them from travel.");
    }
}

public sealed class AssignRoomHandler(AppDbContext db) : IRequestHandler<AssignRoomCommand, Unit>
{
    public async Task<Unit> Handle(AssignRoomCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var block = await db.RoomBlocks.FirstOrDefaultAsync(b => b.Id == request.BlockId && b.MissionId == mission.Id, cancellationToken)
                    ?? throw new DomainException("BlockId", "Choose one of the mission's room blocks.");
        var person = await Rooms.PersonAsync(db, mission, request.RegistrationId!.Value, cancellationToken)
                     ?? throw new DomainException("RegistrationId", "Rooms are for confirmed delegates of this mission.");
        var checkIn = request.CheckIn ?? person.CheckIn;
        var checkOut = request.CheckOut ?? person.CheckOut;
        if (checkIn < mission.StartDate.AddDays(-14) || checkIn > mission.EndDate)
        {
            throw new DomainException("CheckIn", "Check-in is on or before the mission's last day, and at most 14 days before it starts.");
        }

        if (checkOut <= checkIn || checkOut > mission.EndDate.AddDays(15))
        {
            throw new DomainException("CheckOut", "Check-out is after check-in, and at most 15 days after the mission ends.");
        }

        await Rooms.PlaceAsync(db, block, request.Room, person.Id, checkIn, checkOut, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
