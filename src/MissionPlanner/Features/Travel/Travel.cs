using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>An airport, station or port of the mission, with how many legs use it.</summary>
public sealed record TravelHubView(Guid Id, string Name, string? Code, HubKind Kind, string TimeZoneId, string Label, int Legs, int Version)
{
    public static TravelHubView Of(TravelHub h, int legs) => new(h.Id, h.Name, h.Code, h.Kind, h.TimeZoneId, h.Label, legs, h.Version);
}

/// <summary>One leg as pages and the API show it.</summary>
/// <param name="ScheduledAt">UTC.</param>
/// <param name="ScheduledLocal">The same in the hub's time zone, as timetables give it.</param>
public sealed record TravelLegView(
    Guid Id, LegDirection Direction, LegMode Mode, string? Carrier, string? Number, Guid HubId, string Hub, string? OtherEnd,
    DateTime ScheduledAt, DateTime ScheduledLocal, bool ShareMobile, int Version);

/// <summary>A confirmed delegate's arrival and departure, and what in their programme falls outside their stay.</summary>
/// <param name="Conflicts">In words, e.g. "Arrives Mon 18 Jan 14:35, after 'Bilateral symposium' starts (09:00)".</param>
public sealed record DelegateTravel(Guid RegistrationId, string Name, string Organisation, TravelLegView? Arrival, TravelLegView? Departure,
    IReadOnlyList<string> Conflicts);

/// <summary>
/// A leg as typed: what, the carrier and number, the hub at the mission's end, the other end, and the scheduled
/// local time at the hub (in the hub's zone). Shared by organisers' and delegates' forms and the API.
/// </summary>
public interface ITravelLegFields
{
    LegMode? Mode { get; }
    string? Carrier { get; }
    string? Number { get; }
    Guid? HubId { get; }
    string? OtherEnd { get; }

    /// <summary>Local time at the hub, without offset ("2027-01-18T14:35").</summary>
    DateTime? ScheduledLocal { get; }

    /// <summary>The delegate's consent to show their mobile for this journey; null keeps what was stored (only the delegate gives it).</summary>
    bool? ShareMobile { get; }
}

/// <summary>The rules of <see cref="ITravelLegFields"/>, naming the field; the domain checks the rest (numbers, order, the hub's zone).</summary>
public abstract class TravelLegValidator<T> : AbstractValidator<T>
    where T : ITravelLegFields
{
    protected TravelLegValidator()
    {
        RuleFor(x => x.Mode).NotNull().IsInEnum();
        RuleFor(x => x.HubId).NotNull();
        RuleFor(x => x.ScheduledLocal).NotNull();
        RuleFor(x => x.Carrier).MaximumLength(TravelLeg.CarrierMax).SingleLine();
        RuleFor(x => x.Number).MaximumLength(TravelLeg.NumberMax).SingleLine();
        RuleFor(x => x.OtherEnd).MaximumLength(TravelLeg.OtherEndMax).SingleLine();
    }
}

internal static class TravelRules
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static TravelLegView View(TravelLeg leg, TravelHub hub) => new(leg.Id, leg.Direction, leg.Mode, leg.Carrier, leg.Number, hub.Id, hub.Label,
        leg.OtherEnd, leg.ScheduledAt, MissionTime.ToLocal(leg.ScheduledAt, hub.TimeZone), leg.ShareMobile, leg.Version);

    /// <summary>
    /// Sets a delegate's arrival or departure (adding it when there is none): the hub must be the mission's, the time
    /// must exist in the hub's zone, and the arrival must come before the departure. Nothing is saved here.
    /// </summary>
    /// <exception cref="DomainException">On the field at fault: HubId, ScheduledLocal, Number, Version.</exception>
    public static async Task<TravelLeg> SetAsync(AppDbContext db, Mission mission, Guid registrationId, LegDirection direction, ITravelLegFields fields,
        int? version, DateTime now, CancellationToken ct)
    {
        if (!Enum.IsDefined(direction))
        {
            throw new DomainException("Direction", "A leg is an arrival or a departure.");
        }

        var hub = await db.TravelHubs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == fields.HubId && h.MissionId == mission.Id, ct)
                  ?? throw new DomainException("HubId", "Choose one of the mission's airports, stations or ports (add it on the Travel page first).");
        // An instant with an offset or Z is not a time on the place's clocks: refused rather than read wrongly.
        if (fields.ScheduledLocal!.Value.Kind != DateTimeKind.Unspecified)
        {
            throw new DomainException("ScheduledLocal", "Give the local time at the airport or station, without an offset or Z (e.g. 2027-01-18T14:35).");
        }


        if (fields.ScheduledLocal.Value < mission.StartDate.AddDays(-60).ToDateTime(TimeOnly.MinValue)
            || fields.ScheduledLocal.Value > mission.EndDate.AddDays(60).ToDateTime(TimeOnly.MinValue))
        {
            throw new DomainException("ScheduledLocal", "Give a time within 60 days of the mission's dates.");
        }

        var at = MissionTime.FromTyped(DateTime.SpecifyKind(fields.ScheduledLocal!.Value, DateTimeKind.Unspecified), hub.TimeZone, "ScheduledLocal");
        var legs = await db.TravelLegs.Where(l => l.RegistrationId == registrationId).ToListAsync(ct);
        var leg = legs.FirstOrDefault(l => l.Direction == direction);
        if (leg is null)
        {
            leg = new TravelLeg(mission.Id, registrationId, direction);
            db.TravelLegs.Add(leg);
        }
        else
        {
            if (version is { } v)
            {
                db.ExpectVersion(leg, v);
            }

            // A journey through another place leaves the vehicles of the place it used.
            if (leg.HubId != hub.Id)
            {
                await Transfers.LeaveAsync(db, registrationId, leg.HubId, direction, ct);
            }
        }

        if (legs.FirstOrDefault(l => l.Direction != direction) is { } other
            && (direction == LegDirection.Arrival ? at >= other.ScheduledAt : at <= other.ScheduledAt))
        {
            throw new DomainException("ScheduledLocal", direction == LegDirection.Arrival
                ? "The arrival must come before the departure."
                : "The departure must come after the arrival.");
        }

        leg.Change(fields.Mode!.Value, fields.Carrier, fields.Number, hub, fields.OtherEnd, at, fields.ShareMobile, now);
        return leg;
    }

    /// <summary>Every confirmed delegate's travel, with conflicts against the programme items they are in (not cancelled).</summary>
    public static async Task<IReadOnlyList<DelegateTravel>> DelegatesAsync(AppDbContext db, Mission mission, Guid? registrationId, CancellationToken ct)
    {
        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null
                        && (registrationId == null || r.Id == registrationId))
            .OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, r.Organisation, r.Sector }).ToListAsync(ct);
        var hubs = await db.TravelHubs.AsNoTracking().Where(h => h.MissionId == mission.Id).ToDictionaryAsync(h => h.Id, ct);
        var legs = (await db.TravelLegs.AsNoTracking().Where(l => l.MissionId == mission.Id && (registrationId == null || l.RegistrationId == registrationId))
            .ToListAsync(ct)).ToLookup(l => l.RegistrationId);
        var items = await db.ProgrammeItems.AsNoTracking().Where(i => i.MissionId == mission.Id && !i.Cancelled).ToListAsync(ct);
        var chosen = (await db.ProgrammeItemPeople.AsNoTracking().Where(p => db.ProgrammeItems.Any(i => i.Id == p.ProgrammeItemId && i.MissionId == mission.Id))
            .Select(p => new { p.ProgrammeItemId, p.RegistrationId }).ToListAsync(ct)).ToHashSet();
        var zone = mission.TimeZone;
        string When(DateTime utc) => MissionTime.ToLocal(utc, zone).ToString("ddd d MMM HH:mm", English);
        // Conflicts compare in the mission's time, which may not be the airport's: the zone is named once per text.
        var zoneName = $"{mission.TimeZoneId[(mission.TimeZoneId.LastIndexOf('/') + 1)..].Replace('_', ' ')} time";

        return people.Select(p =>
        {
            var arrival = legs[p.Id].FirstOrDefault(l => l.Direction == LegDirection.Arrival);
            var departure = legs[p.Id].FirstOrDefault(l => l.Direction == LegDirection.Departure);
            var mine = items.Where(i => i.IsFor(p.Sector, chosen.Contains(new { ProgrammeItemId = i.Id, RegistrationId = p.Id }))).OrderBy(i => i.StartsAt).ToList();
            var conflicts = new List<string>();
            if (arrival is not null)
            {
                conflicts.AddRange(mine.Where(i => i.StartsAt < arrival.ScheduledAt)
                    .Select(i => $"Arrives {When(arrival.ScheduledAt)} ({zoneName}), after '{i.Title}' starts ({When(i.StartsAt)})."));
            }

            if (departure is not null)
            {
                conflicts.AddRange(mine.Where(i => i.EndsAt > departure.ScheduledAt)
                    .Select(i => $"Leaves {When(departure.ScheduledAt)} ({zoneName}), before '{i.Title}' ends ({When(i.EndsAt)})."));
            }

            return new DelegateTravel(p.Id, p.Name, p.Organisation,
                arrival is null ? null : View(arrival, hubs[arrival.HubId]), departure is null ? null : View(departure, hubs[departure.HubId]), conflicts);
        }).ToList();
    }
}
