using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>One passenger of a run, with how long they wait (for the vehicle, or at the hub before leaving).</summary>
public sealed record TransferPassengerView(Guid RegistrationId, string Name, string Service, DateTime ScheduledLocal, int WaitMinutes);

/// <summary>One vehicle's run: when it leaves (or reaches) the hub in the hub's local time, and its passengers.</summary>
public sealed record TransferRunView(Guid Id, int Number, DateTime AtLocal, IReadOnlyList<TransferPassengerView> Passengers);

/// <summary>A transfer service with its runs, and who it should carry but does not.</summary>
/// <param name="Unassigned">Confirmed delegates with an arrival (or departure) at the hub who are in no run.</param>
/// <param name="Warnings">Runs over capacity or making someone wait longer than allowed (after organisers moved people).</param>
public sealed record TransferServiceView(
    Guid Id, string Name, Guid HubId, string Hub, TransferDirection Direction, string Place, string MeetingPoint, int VehicleCapacity, int MaxWaitMinutes,
    int BufferMinutes, int DriveMinutes, DateTime? PublishedAt, IReadOnlyList<TransferRunView> Runs, IReadOnlyList<string> Unassigned, IReadOnlyList<string> Warnings, int Version);

internal static class Transfers
{
    /// <summary>Who a service carries and when each is ready: arrivals at the hub + buffer, or departures from it − buffer (UTC).</summary>
    public static async Task<List<(Guid Person, string Name, TravelLeg Leg, DateTime ReadyAt)>> DemandAsync(AppDbContext db, TransferService service, CancellationToken ct)
    {
        var direction = service.Direction == TransferDirection.FromHub ? LegDirection.Arrival : LegDirection.Departure;
        var rows = await (from l in db.TravelLegs.AsNoTracking()
                          join r in db.Registrations on l.RegistrationId equals r.Id
                          where l.HubId == service.HubId && l.Direction == direction && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null
                          select new { r.Id, r.Name, Leg = l }).ToListAsync(ct);
        var buffer = TimeSpan.FromMinutes(service.BufferMinutes);
        return rows.Select(x => (x.Id, x.Name, x.Leg, direction == LegDirection.Arrival ? x.Leg.ScheduledAt + buffer : x.Leg.ScheduledAt - buffer)).ToList();
    }

    /// <summary>Takes a person out of the vehicles of the services through one hub in one direction (their journey there went or moved).</summary>
    public static Task LeaveAsync(AppDbContext db, Guid registrationId, Guid hubId, LegDirection direction, CancellationToken ct)
    {
        var runs = direction == LegDirection.Arrival ? TransferDirection.FromHub : TransferDirection.ToHub;
        return db.TransferPassengers.Where(p => p.RegistrationId == registrationId && db.TransferRuns.Any(r => r.Id == p.RunId
                && db.TransferServices.Any(s => s.Id == r.ServiceId && s.HubId == hubId && s.Direction == runs)))
            .ExecuteDeleteAsync(ct);
    }

    public static async Task<TransferService> ServiceAsync(AppDbContext db, Guid missionId, Guid serviceId, CancellationToken ct) =>
        await db.TransferServices.FirstOrDefaultAsync(s => s.Id == serviceId && s.MissionId == missionId, ct) ?? throw new NotFoundException("Transfer service");

    /// <summary>A run's time from its passengers: it leaves the hub when the last is ready, or reaches it when the first must be there.</summary>
    public static DateTime TimeOf(TransferService service, IEnumerable<DateTime> readyAt) =>
        service.Direction == TransferDirection.FromHub ? readyAt.Max() : readyAt.Min();

    public static async Task<IReadOnlyList<TransferServiceView>> ViewsAsync(AppDbContext db, Guid missionId, CancellationToken ct)
    {
        var services = await db.TransferServices.AsNoTracking().Where(s => s.MissionId == missionId).OrderBy(s => s.Name).ToListAsync(ct);
        var hubs = await db.TravelHubs.AsNoTracking().Where(h => h.MissionId == missionId).ToDictionaryAsync(h => h.Id, ct);
        var ids = services.Select(s => s.Id).ToList();
        var runs = (await db.TransferRuns.AsNoTracking().Include(r => r.Passengers).Where(r => ids.Contains(r.ServiceId)).OrderBy(r => r.Number).ToListAsync(ct))
            .ToLookup(r => r.ServiceId);
        var views = new List<TransferServiceView>();
        foreach (var s in services)
        {
            var hub = hubs[s.HubId];
            var demand = (await DemandAsync(db, s, ct)).ToDictionary(d => d.Person);
            var warnings = new List<string>();
            var seated = new HashSet<Guid>();
            var runViews = new List<TransferRunView>();
            foreach (var run in runs[s.Id])
            {
                var passengers = run.Passengers.Where(p => demand.ContainsKey(p.RegistrationId)).Select(p =>
                {
                    var d = demand[p.RegistrationId];
                    seated.Add(p.RegistrationId);
                    // Signed: from the hub a vehicle waits for those ready before it leaves; to the hub it arrives before they must be there.
                    var wait = (int)Math.Round((s.Direction == TransferDirection.FromHub ? run.At - d.ReadyAt : d.ReadyAt - run.At).TotalMinutes);
                    return new TransferPassengerView(p.RegistrationId, d.Name, d.Leg.Service, MissionTime.ToLocal(d.Leg.ScheduledAt, hub.TimeZone), wait);
                }).OrderBy(p => p.ScheduledLocal).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
                if (passengers.Count > s.VehicleCapacity)
                {
                    warnings.Add($"Vehicle {run.Number} carries {passengers.Count}, over its {s.VehicleCapacity} seats.");
                }

                warnings.AddRange(passengers.Where(p => p.WaitMinutes > s.MaxWaitMinutes)
                    .Select(p => $"{p.Name} waits {p.WaitMinutes} minutes for vehicle {run.Number} (at most {s.MaxWaitMinutes})."));
                warnings.AddRange(passengers.Where(p => p.WaitMinutes < 0).Select(p => s.Direction == TransferDirection.FromHub
                    ? $"{p.Name} misses vehicle {run.Number}: it leaves {-p.WaitMinutes} minutes before they are ready (their journey changed; propose again or move them)."
                    : $"{p.Name} misses vehicle {run.Number}: it reaches the hub {-p.WaitMinutes} minutes after they must be there (propose again or move them)."));
                runViews.Add(new TransferRunView(run.Id, run.Number, MissionTime.ToLocal(run.At, hub.TimeZone), passengers));
            }

            var unassigned = demand.Values.Where(d => !seated.Contains(d.Person)).OrderBy(d => d.Leg.ScheduledAt).Select(d => d.Name).ToList();
            views.Add(new TransferServiceView(s.Id, s.Name, hub.Id, hub.Label, s.Direction, s.Place, s.MeetingPoint, s.VehicleCapacity, s.MaxWaitMinutes,
                s.BufferMinutes, s.DriveMinutes, s.PublishedAt, runViews, unassigned, warnings, s.Version));
        }

        return views;
    }
}
