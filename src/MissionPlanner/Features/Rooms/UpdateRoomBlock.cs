using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Rooms;

/// <summary>
/// Changes a room block's terms (see <see cref="IRoomBlockFields"/>); <c>Version</c> is the one last read (409 when
/// someone changed it since). A room type that sleeps fewer than a room holds on some night is refused, naming the room.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateRoomBlockCommand(
    Guid? HotelId, string? Name, RoomType? RoomType, bool Accessible, DateOnly? FirstNight, DateOnly? LastNight, int RoomsHeld, decimal? Rate, string? Currency,
    DateOnly? ReleaseDate, string? BookingReference, int? Version, TimeOnly? CheckInFrom = null, TimeOnly? CheckOutBy = null) : IRequest<Unit>, IMissionRequest, IRoomBlockFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid BlockId { get; init; }
}

public sealed class UpdateRoomBlockValidator : RoomBlockFieldsValidator<UpdateRoomBlockCommand>
{
    public UpdateRoomBlockValidator() => RuleFor(x => x.Version).NotNull();
}

public sealed class UpdateRoomBlockHandler(AppDbContext db) : IRequestHandler<UpdateRoomBlockCommand, Unit>
{
    public async Task<Unit> Handle(UpdateRoomBlockCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var block = await Rooms.BlockAsync(db, mission.Id, request.BlockId, cancellationToken);
        db.ExpectVersion(block, request.Version!.Value);
        var hotel = await Rooms.HotelAsync(db, mission.Id, request.HotelId, cancellationToken);
        if (hotel.Id != block.HotelId)
        {
            throw new DomainException("HotelId", "A block stays at its hotel: add a block at the other hotel and move the guests.");
        }

        RoomBlockFields.Apply(block, request, mission);
        var guests = await db.RoomAssignments.Where(a => a.BlockId == block.Id).ToListAsync(cancellationToken);
        foreach (var room in guests.GroupBy(a => a.Room))
        {
            var crowded = room.SelectMany(a => a.Nights).CountBy(n => n).FirstOrDefault(n => n.Value > block.Capacity);
            if (crowded.Value > 0)
            {
                throw new DomainException("RoomType", $"Room {room.Key} has {crowded.Value} guests on the night of {Rooms.Day(crowded.Key)}; a {block.RoomType.ToString().ToLowerInvariant()} room sleeps {block.Capacity}.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
