using System.Text.Json.Serialization;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Rooms;

/// <summary>Adds a room block at one of the mission's hotels (see <see cref="IRoomBlockFields"/>). Returns its id.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddRoomBlockCommand(
    Guid? HotelId, string? Name, RoomType? RoomType, bool Accessible, DateOnly? FirstNight, DateOnly? LastNight, int RoomsHeld, decimal? Rate, string? Currency,
    DateOnly? ReleaseDate, string? BookingReference, TimeOnly? CheckInFrom = null, TimeOnly? CheckOutBy = null) : IRequest<Guid>, IMissionRequest, IRoomBlockFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class AddRoomBlockValidator : RoomBlockFieldsValidator<AddRoomBlockCommand>;

public sealed class AddRoomBlockHandler(AppDbContext db) : IRequestHandler<AddRoomBlockCommand, Guid>
{
    public async Task<Guid> Handle(AddRoomBlockCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var hotel = await Rooms.HotelAsync(db, mission.Id, request.HotelId, cancellationToken);
        var block = new RoomBlock(mission.Id, hotel.Id);
        RoomBlockFields.Apply(block, request, mission);
        db.RoomBlocks.Add(block);
        await db.SaveChangesAsync(cancellationToken);
        return block.Id;
    }
}
