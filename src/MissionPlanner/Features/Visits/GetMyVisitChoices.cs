using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Visits;

/// <summary>The visits a participant may rank, with their current ranks, behind their personal link.</summary>
public sealed record GetMyVisitChoicesQuery(string Token) : IRequest<MyVisitChoices>;

public sealed class GetMyVisitChoicesHandler(AppDbContext db, PersonalLinks personalLinks, TimeProvider clock) : IRequestHandler<GetMyVisitChoicesQuery, MyVisitChoices>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<MyVisitChoices> Handle(GetMyVisitChoicesQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, personalLinks, request.Token, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        var plan = await db.VisitPlans.AsNoTracking().FirstOrDefaultAsync(p => p.MissionId == mission.Id, cancellationToken) ?? new VisitPlan(mission.Id);
        var ranks = await db.VisitPreferences.AsNoTracking().Where(p => p.RegistrationId == registration.Id).ToDictionaryAsync(p => p.VisitId, p => p.Rank, cancellationToken);
        var rows = await db.Visits.AsNoTracking().Where(v => v.MissionId == mission.Id && !v.Cancelled && v.HostResponse != HostResponse.Declined)
            .Select(v => new
            {
                Visit = v,
                Host = db.VisitHosts.Where(h => h.Id == v.HostId).Select(h => h.Name).First(),
                Venue = db.Venues.Where(x => x.Id == v.VenueId).Select(x => x.Name).First(),
            }).ToListAsync(cancellationToken);
        var zone = mission.TimeZone;
        var options = rows.OrderBy(r => ranks.TryGetValue(r.Visit.Id, out var rank) ? rank : int.MaxValue).ThenBy(r => r.Visit.Title)
            .Select(r => new VisitOption(r.Visit.Id, r.Visit.Title, r.Visit.Kind, r.Host, r.Venue, r.Visit.DurationMinutes,
                r.Visit.WindowList.Select(w => $"{MissionTime.ToLocal(w.Start, zone).ToString("ddd d MMM HH:mm", English)}–{MissionTime.ToLocal(w.End, zone):HH:mm}").ToList(),
                r.Visit.Requirements, r.Visit.Notes, ranks.TryGetValue(r.Visit.Id, out var rank) ? rank : null)
            {
                NeedsIdDetails = r.Visit.ScreensVisitors && registration.IdDetails is null,
            }).ToList();
        var places = plan.PublishedAt is null ? [] : await (
            from a in db.VisitAssignments.AsNoTracking()
            join v in db.Visits on a.VisitId equals v.Id
            join venue in db.Venues on v.VenueId equals venue.Id
            where a.RegistrationId == registration.Id && !v.Cancelled
            orderby a.StartsAt
            select new { v.Title, a.StartsAt, a.EndsAt, Venue = venue.Name }).ToListAsync(cancellationToken);
        var closed = VisitPreferenceRules.WhyClosed(registration, plan, clock.GetUtcNow().UtcDateTime);
        return new MyVisitChoices(mission.Title, registration.Name, plan.PreferencesDeadline is { } d ? MissionTime.ToLocal(d, zone) : null,
            closed is null, closed, options,
            places.Select(p => new MyVisitPlace(p.Title, MissionTime.ToLocal(p.StartsAt, zone), MissionTime.ToLocal(p.EndsAt, zone), p.Venue)).ToList(),
            plan.VisitsPerParticipant);
    }
}
