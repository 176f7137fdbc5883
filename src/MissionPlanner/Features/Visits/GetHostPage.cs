using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// What a host sees behind its personal link: its visits (not cancelled ones), the proposed groups
/// and their visitors. ID details appear only for visits that screen visitors, and only theirs.
/// </summary>
public sealed record GetHostPageQuery(string Token) : IRequest<HostPage>;

public sealed class GetHostPageHandler(AppDbContext db, PersonalLinks personalLinks, PersonalDataProtector protector) : IRequestHandler<GetHostPageQuery, HostPage>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<HostPage> Handle(GetHostPageQuery request, CancellationToken cancellationToken)
    {
        var (host, mission) = await HostTokens.FindAsync(db, personalLinks, request.Token, cancellationToken);
        var visits = await HostTokens.VisitsAsync(db, host, null, cancellationToken);
        var venues = await db.Venues.AsNoTracking().Where(v => v.MissionId == mission.Id).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var plan = await db.VisitPlans.AsNoTracking().FirstOrDefaultAsync(p => p.MissionId == mission.Id, cancellationToken);
        var zone = mission.TimeZone;
        var result = new List<HostVisit>();
        foreach (var visit in visits)
        {
            var visitors = await VisitorsAsync(db, protector, mission, visit, cancellationToken);
            result.Add(new HostVisit(visit.Id, visit.Title, venues[visit.VenueId], visit.DurationMinutes, visit.MinGroupSize, visit.MaxGroupSize,
                visit.ParallelGroups, PublishVisitPlanHandler.Requirements(visit.Requirements), visit.Notes,
                visit.WindowList.Select(w => $"{MissionTime.ToLocal(w.Start, zone).ToString("dddd d MMMM, HH:mm", English)}–{MissionTime.ToLocal(w.End, zone):HH:mm}").ToList(),
                visit.HostResponse, visit.HostMessage,
                visit.Groups().Select(g => new HostVisitGroup(MissionTime.ToLocal(g.StartsAt, zone), MissionTime.ToLocal(g.EndsAt, zone), g.Number,
                    visitors.Count(v => v.StartsLocal == MissionTime.ToLocal(g.StartsAt, zone) && v.Group == g.Number))).Where(g => g.Visitors > 0).ToList(),
                visitors, visit.ScreensVisitors,
                visit.ScreeningClosesAt is { } closes ? MissionTime.ToLocal(closes, zone) : null));
        }

        return new HostPage(host.Name, host.ContactName, mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate),
            plan?.PublishedAt is not null, result);
    }

    internal static async Task<List<Visitor>> VisitorsAsync(AppDbContext db, PersonalDataProtector protector, Mission mission, Visit visit, CancellationToken ct)
    {
        var rows = await (from a in db.VisitAssignments.AsNoTracking()
                          join r in db.Registrations.AsNoTracking() on a.RegistrationId equals r.Id
                          where a.VisitId == visit.Id && r.Status == RegistrationStatus.Confirmed
                          orderby a.StartsAt, a.GroupNumber, r.Name
                          select new { r.Name, r.Organisation, r.JobTitle, a.StartsAt, a.GroupNumber, r.IdDetails }).ToListAsync(ct);
        return rows.Select(r => new Visitor(r.Name, r.Organisation, r.JobTitle, MissionTime.ToLocal(r.StartsAt, mission.TimeZone), r.GroupNumber)
        {
            Id = visit.ScreensVisitors ? Registrations.RegistrationIntake.ReadIdDetails(r.IdDetails, protector) : null,
        }).ToList();
    }
}
