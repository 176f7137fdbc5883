using System.Globalization;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Rooms;

/// <summary>The rooming list as the document job prints it: per hotel (a page each), per block, room by room.</summary>
internal static class RoomingListDocument
{
    public static async Task<string> HtmlAsync(AppDbContext db, Mission mission, CancellationToken ct)
    {
        var view = await Rooms.ViewAsync(db, mission, ct);
        static string Date(DateOnly d) => d.ToString("ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var rows = RoomingList.Rows(view, null).ToList();
        return DocumentTemplates.Render("rooming-list", new
        {
            MissionTitle = mission.Title,
            Where = PublicLinks.Where(mission),
            When = PublicLinks.Dates(mission.StartDate, mission.EndDate),
            Hotels = rows.GroupBy(r => r.Block.HotelId).Select(h => new
            {
                Name = h.First().Block.Hotel,
                Address = h.First().Block.HotelAddress,
                Blocks = h.GroupBy(r => r.Block.Id).Select(b => new
                {
                    b.First().Block.Name,
                    Type = RoomingList.TypeOf(b.First().Block),
                    Reference = b.First().Block.BookingReference ?? "",
                    Held = b.First().Block.RoomsHeld,
                    FirstNight = Date(b.First().Block.FirstNight),
                    LastNight = Date(b.First().Block.LastNight),
                    Rows = b.Select(r => new
                    {
                        Room = r.Room.Number,
                        r.Room.Extra,
                        Guest = r.Guest.Name,
                        r.Guest.Organisation,
                        CheckIn = Date(r.Guest.CheckIn),
                        CheckOut = Date(r.Guest.CheckOut),
                        r.Guest.Nights,
                        Sharing = r.SharingWith,
                        Needs = r.Guest.Accessibility ?? "",
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        });
    }
}
