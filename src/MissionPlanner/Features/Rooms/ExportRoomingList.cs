using System.Globalization;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Rooms;

/// <summary>
/// The rooming list to send a hotel, as CSV or Excel: one row per guest and room, with the hotel, booking reference,
/// room type (and accessible), room number, guest, organisation, check-in and check-out dates, nights, who shares the
/// room, and accessibility needs. <c>HotelId</c> limits it to one hotel; without it every hotel's rows are listed.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ExportRoomingListQuery(Guid MissionId, ExportFormat Format, Guid? HotelId = null) : IRequest<ExportFile>, IMissionRequest;

public sealed class ExportRoomingListHandler(AppDbContext db) : IRequestHandler<ExportRoomingListQuery, ExportFile>
{
    public async Task<ExportFile> Handle(ExportRoomingListQuery request, CancellationToken cancellationToken)
    {
        var view = await Rooms.ViewAsync(db, await db.MissionAsync(request.MissionId, cancellationToken), cancellationToken);
        if (request.HotelId is { } hotel && view.Hotels.All(h => h.Id != hotel))
        {
            throw new Domain.Common.NotFoundException("Hotel");
        }
        string[] header = ["Hotel", "Booking reference", "Room type", "Room", "Guest", "Organisation", "Check-in", "Check-out", "Nights", "Sharing with",
            "Accessibility"];
        var rows = RoomingList.Rows(view, request.HotelId).Select(r => (IReadOnlyList<object?>)
        [
            r.Block.Hotel, r.Block.BookingReference, RoomingList.TypeOf(r.Block), r.Room.Number, r.Guest.Name, r.Guest.Organisation,
            r.Guest.CheckIn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Guest.CheckOut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Guest.Nights, r.SharingWith, r.Guest.Accessibility,
        ]).ToList();
        return ExportFile.Of(request.Format, "rooming-list", "Rooming list", header, rows);
    }
}

/// <summary>The rooming list's rows, shared by the download and the PDF.</summary>
internal static class RoomingList
{
    public sealed record Row(RoomBlockView Block, RoomView Room, RoomGuestView Guest, string SharingWith);

    public static IEnumerable<Row> Rows(RoomsView view, Guid? hotelId) =>
        from block in view.Blocks
        where hotelId == null || block.HotelId == hotelId
        from room in block.Rooms
        from guest in room.Guests
        where guest.Confirmed
        select new Row(block, room, guest, string.Join(", ", room.Guests.Where(g => g.RegistrationId != guest.RegistrationId && g.Confirmed
            && g.CheckIn < guest.CheckOut && guest.CheckIn < g.CheckOut).Select(g => g.Name)));

    public static string TypeOf(RoomBlockView block) => $"{block.RoomType}{(block.Accessible ? " (accessible)" : "")}";
}
