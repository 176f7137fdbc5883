using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// Driver sheets as the document job prints them: one page per vehicle run of each published transfer service, with
/// when it leaves (local at the hub), from and to, the meeting point, seats, and each passenger's journey, scheduled
/// time, mobile (only where the delegate shared it for that journey) and needs, with a box to tick them off.
/// </summary>
internal static class DriverSheets
{
    public static async Task<string> HtmlAsync(AppDbContext db, Mission mission, CancellationToken ct)
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        var services = await db.TransferServices.AsNoTracking().Where(s => s.MissionId == mission.Id && s.PublishedAt != null).OrderBy(s => s.Name)
            .ToListAsync(ct);
        var hubs = await db.TravelHubs.AsNoTracking().Where(h => h.MissionId == mission.Id).ToDictionaryAsync(h => h.Id, ct);
        var ids = services.Select(s => s.Id).ToList();
        var runs = await db.TransferRuns.AsNoTracking().Include(r => r.Passengers).Where(r => ids.Contains(r.ServiceId)).OrderBy(r => r.At).ToListAsync(ct);
        var people = await (from l in db.TravelLegs.AsNoTracking()
                            join r in db.Registrations on l.RegistrationId equals r.Id
                            where l.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null
                            select new { Leg = l, r.Name, r.Organisation, r.Phone, r.Accessibility }).ToListAsync(ct);
        var sheets = new List<object>();
        foreach (var run in runs)
        {
            var service = services.First(s => s.Id == run.ServiceId);
            var hub = hubs[service.HubId];
            var direction = service.Direction == TransferDirection.FromHub ? LegDirection.Arrival : LegDirection.Departure;
            var leaves = service.Direction == TransferDirection.FromHub ? run.At : run.At.AddMinutes(-service.DriveMinutes);
            var rows = people.Where(x => x.Leg.Direction == direction && x.Leg.HubId == hub.Id && run.Passengers.Any(p => p.RegistrationId == x.Leg.RegistrationId))
                .OrderBy(x => x.Leg.ScheduledAt).ThenBy(x => x.Name, StringComparer.CurrentCulture)
                .Select(x => new
                {
                    x.Name,
                    x.Organisation,
                    Journey = $"{x.Leg.Mode.ToString().ToLowerInvariant()} {x.Leg.Service}".Trim() + (x.Leg.OtherEnd is { } other ? (direction == LegDirection.Arrival ? $" from {other}" : $" to {other}") : ""),
                    Scheduled = MissionTime.ToLocal(x.Leg.ScheduledAt, hub.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture),
                    Mobile = x.Leg.ShareMobile && x.Phone is { Length: > 0 } phone ? Phones.Display(phone) : "",
                    Needs = x.Accessibility ?? "",
                }).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            sheets.Add(new
            {
                Service = service.Name,
                run.Number,
                When = (service.Direction == TransferDirection.FromHub ? "Leaves " : "Leaves the place ")
                       + MissionTime.ToLocal(leaves, hub.TimeZone).ToString("dddd d MMMM yyyy, HH:mm", english),
                From = service.Direction == TransferDirection.FromHub ? hub.Label : service.Place,
                To = service.Direction == TransferDirection.FromHub ? service.Place : hub.Label,
                service.MeetingPoint,
                Count = rows.Count,
                Seats = service.VehicleCapacity,
                Passengers = rows,
                Hub = hub.Label,
                hub.TimeZoneId,
                MissionTitle = mission.Title,
            });
        }

        return DocumentTemplates.Render("driver-sheets", new { MissionTitle = mission.Title, Sheets = sheets });
    }
}
