using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Features.Travel;

/// <summary>One person arriving or leaving, as a manifest lists them.</summary>
/// <param name="Local">Scheduled time in the hub's zone.</param>
/// <param name="Service">Carrier and number, "KLM KL1007".</param>
/// <param name="Mobile">In international format, only when the delegate agreed to share it for this journey and gave one.</param>
/// <param name="At">The same instant in UTC, by which entries are ordered.</param>
public sealed record ManifestEntry(
    LegDirection Direction, DateTime Local, string Name, string Organisation, LegMode Mode, string Service, string? OtherEnd, string? Mobile, string? Accessibility,
    DateTime At);

/// <summary>Arrivals and departures at one airport, station or port on one day (the hub's local day), each by time.</summary>
public sealed record ManifestDay(DateOnly Date, Guid HubId, string Hub, string TimeZoneId, IReadOnlyList<ManifestEntry> Arrivals, IReadOnlyList<ManifestEntry> Departures);

/// <summary>The arrivals and departures manifest: per day and per hub, confirmed delegates only, by time then name.</summary>
/// <remarks>Organisers only: it carries mobile numbers shared with the travel team.</remarks>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record GetManifestQuery(Guid MissionId) : IRequest<IReadOnlyList<ManifestDay>>, IMissionRequest;

public sealed class GetManifestHandler(AppDbContext db) : IRequestHandler<GetManifestQuery, IReadOnlyList<ManifestDay>>
{
    public Task<IReadOnlyList<ManifestDay>> Handle(GetManifestQuery request, CancellationToken cancellationToken) =>
        Manifests.BuildAsync(db, request.MissionId, cancellationToken);
}

/// <summary>Builds the manifest, for the page, the API, the downloads and the PDF the document job prints.</summary>
internal static class Manifests
{
    public static async Task<IReadOnlyList<ManifestDay>> BuildAsync(AppDbContext db, Guid missionId, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(missionId, cancellationToken);
        var hubs = await db.TravelHubs.AsNoTracking().Where(h => h.MissionId == mission.Id).ToDictionaryAsync(h => h.Id, cancellationToken);
        var rows = await (from l in db.TravelLegs.AsNoTracking()
                          join r in db.Registrations on l.RegistrationId equals r.Id
                          where l.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null
                          select new { Leg = l, r.Name, r.Organisation, r.Phone, r.Accessibility }).ToListAsync(cancellationToken);
        // By the instant, not the clock: on the night the clocks go back 01:30 happens twice.
        return rows.OrderBy(x => x.Leg.ScheduledAt)
            .Select(x => (x.Leg, Hub: hubs[x.Leg.HubId], Entry: new ManifestEntry(x.Leg.Direction, MissionTime.ToLocal(x.Leg.ScheduledAt, hubs[x.Leg.HubId].TimeZone),
                x.Name, x.Organisation, x.Leg.Mode, x.Leg.Service, x.Leg.OtherEnd,
                x.Leg.ShareMobile && x.Phone is { Length: > 0 } phone ? Phones.Display(phone) : null, x.Accessibility, x.Leg.ScheduledAt)))
            .GroupBy(x => (Date: DateOnly.FromDateTime(x.Entry.Local), x.Hub.Id))
            .OrderBy(g => g.Key.Date).ThenBy(g => g.First().Hub.Name, StringComparer.CurrentCulture)
            .Select(g =>
            {
                var hub = g.First().Hub;
                var entries = g.Select(x => x.Entry).ToList();
                return new ManifestDay(g.Key.Date, hub.Id, hub.Label, hub.TimeZoneId,
                    entries.Where(e => e.Direction == LegDirection.Arrival).ToList(), entries.Where(e => e.Direction == LegDirection.Departure).ToList());
            }).ToList();
    }
}
