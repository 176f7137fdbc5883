using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>When a delegate is at the mission: from their arrival to their departure (UTC), either open when not known.</summary>
/// <param name="DepartureMode">How they leave, when their departure leg says (null: from the registration form).</param>
internal sealed record Stay(DateTime? Arrival, DateTime? Departure, LegMode? DepartureMode = null)
{
    /// <summary>Whether they are there for all of [start, end).</summary>
    public bool Covers(DateTime start, DateTime end) => (Arrival is not { } a || a <= start) && (Departure is not { } d || end <= d);
}

/// <summary>
/// Each delegate's stay, from their travel legs, else the arrival and departure on their registration form. The visit and
/// meeting schedulers treat the time before the arrival and after the departure as busy; the Programme page warns of
/// items outside it.
/// </summary>
internal static class Stays
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The stays of the mission's delegates who gave any travel, or of <paramref name="only"/> those among them.</summary>
    public static async Task<Dictionary<Guid, Stay>> ForMissionAsync(AppDbContext db, Guid missionId, CancellationToken ct, IReadOnlyCollection<Guid>? only = null)
    {
        var legs = (await db.TravelLegs.AsNoTracking().Where(l => l.MissionId == missionId && (only == null || only.Contains(l.RegistrationId)))
            .Select(l => new { l.RegistrationId, l.Direction, l.ScheduledAt, l.Mode }).ToListAsync(ct)).ToLookup(l => l.RegistrationId);
        var typed = await db.Registrations.AsNoTracking().Where(r => r.MissionId == missionId && (only == null || only.Contains(r.Id))
                && (r.ArrivalAt != null || r.DepartureAt != null || db.TravelLegs.Any(l => l.RegistrationId == r.Id)))
            .Select(r => new { r.Id, r.ArrivalAt, r.DepartureAt }).ToListAsync(ct);
        return typed.ToDictionary(r => r.Id, r => new Stay(
            legs[r.Id].FirstOrDefault(l => l.Direction == LegDirection.Arrival)?.ScheduledAt ?? r.ArrivalAt,
            legs[r.Id].FirstOrDefault(l => l.Direction == LegDirection.Departure)?.ScheduledAt ?? r.DepartureAt,
            legs[r.Id].FirstOrDefault(l => l.Direction == LegDirection.Departure)?.Mode));
    }

    /// <summary>After landing or arriving, before a delegate can be anywhere in town (baggage, passport control, the ride).</summary>
    public static readonly TimeSpan AfterArrival = TimeSpan.FromMinutes(60);

    /// <summary>Before a departure: at the airport two hours before a flight (airlines' advice for international flights), 45 minutes before a
    /// train or anything else, 90 when only the registration form gives the time.</summary>
    public static TimeSpan BeforeDeparture(LegMode? mode) => mode switch
    {
        LegMode.Flight => TimeSpan.FromMinutes(120),
        null => TimeSpan.FromMinutes(90),
        _ => TimeSpan.FromMinutes(45),
    };

    /// <summary>
    /// The time outside a stay as busy spans for the schedulers: from long before to an hour after the arrival ("arrives
    /// Mon 18 Jan 14:35 (free from 15:35)"), and from the time to leave for the departure to long after ("leaves … (busy from
    /// …)"), in mission time. No venue: the margin stands for the way to and from the airport or station.
    /// </summary>
    public static IEnumerable<(string Title, DateTime StartsAt, DateTime EndsAt)> Outside(Stay? stay, Mission mission)
    {
        if (stay?.Arrival is { } a)
        {
            var free = a + AfterArrival;
            yield return ($"arrives {When(a, mission)} (free from {MissionTime.ToLocal(free, mission.TimeZone):HH:mm})", a.AddDays(-400), free);
        }

        if (stay?.Departure is { } d)
        {
            var busy = d - BeforeDeparture(stay.DepartureMode);
            yield return ($"leaves {When(d, mission)} (busy from {MissionTime.ToLocal(busy, mission.TimeZone):HH:mm})", busy, d.AddDays(400));
        }
    }

    public static string When(DateTime utc, Mission mission) => MissionTime.ToLocal(utc, mission.TimeZone).ToString("ddd d MMM HH:mm", English);
}
