using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>When a delegate is at the mission: from their arrival to their departure (UTC), either open when not known.</summary>
internal sealed record Stay(DateTime? Arrival, DateTime? Departure)
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

    public static async Task<Dictionary<Guid, Stay>> ForMissionAsync(AppDbContext db, Guid missionId, CancellationToken ct)
    {
        var legs = (await db.TravelLegs.AsNoTracking().Where(l => l.MissionId == missionId).Select(l => new { l.RegistrationId, l.Direction, l.ScheduledAt })
            .ToListAsync(ct)).ToLookup(l => l.RegistrationId);
        var typed = await db.Registrations.AsNoTracking().Where(r => r.MissionId == missionId && (r.ArrivalAt != null || r.DepartureAt != null || db.TravelLegs.Any(l => l.RegistrationId == r.Id)))
            .Select(r => new { r.Id, r.ArrivalAt, r.DepartureAt }).ToListAsync(ct);
        return typed.ToDictionary(r => r.Id, r => new Stay(
            legs[r.Id].FirstOrDefault(l => l.Direction == LegDirection.Arrival)?.ScheduledAt ?? r.ArrivalAt,
            legs[r.Id].FirstOrDefault(l => l.Direction == LegDirection.Departure)?.ScheduledAt ?? r.DepartureAt));
    }

    /// <summary>
    /// The time outside a stay as busy spans for the schedulers: from long before to the arrival ("arrives Mon 18 Jan
    /// 14:35"), and from the departure to long after ("leaves …"), in mission time. No venue: nothing to travel from.
    /// </summary>
    public static IEnumerable<(string Title, DateTime StartsAt, DateTime EndsAt)> Outside(Stay? stay, Mission mission)
    {
        if (stay?.Arrival is { } a)
        {
            yield return ($"arrives {When(a, mission)}", a.AddDays(-400), a);
        }

        if (stay?.Departure is { } d)
        {
            yield return ($"leaves {When(d, mission)}", d, d.AddDays(400));
        }
    }

    public static string When(DateTime utc, Mission mission) => MissionTime.ToLocal(utc, mission.TimeZone).ToString("ddd d MMM HH:mm", English);
}
