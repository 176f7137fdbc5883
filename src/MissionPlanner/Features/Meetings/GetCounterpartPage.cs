using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>One mission day and when the counterpart can meet on it, in mission time; no times: not that day.</summary>
public sealed record DayAvailability(DateOnly Day, TimeOnly? From, TimeOnly? To);

/// <summary>What a counterpart sees on their page (/m/…): the mission, their profile, their availability per day, and the delegation.</summary>
public sealed record CounterpartPage(
    string MissionTitle, string Where, string When, string TimeZoneId, string Name, string Organisation, Sector Sector, string? Country, string Topics,
    string? Offers, string? Seeks, string? Profile, bool Listed, IReadOnlyList<DayAvailability> Days, DirectoryView Delegation)
{
    /// <summary>Their published B2B meetings, worded from their side.</summary>
    public IReadOnlyList<Itinerary.ItineraryItem> Schedule { get; init; } = [];

    /// <summary>Their live calendar feed (/c/….ics), a link of its own so that a calendar app never holds the page's link; null when none works.</summary>
    public string? CalendarUrl { get; init; }
}

public sealed record GetCounterpartPageQuery(string Token, DirectoryFilter? Filter = null) : IRequest<CounterpartPage>;

public sealed class GetCounterpartPageHandler(AppDbContext db, PersonalLinks links) : IRequestHandler<GetCounterpartPageQuery, CounterpartPage>
{
    public async Task<CounterpartPage> Handle(GetCounterpartPageQuery request, CancellationToken cancellationToken)
    {
        var counterpart = await Counterparts.ByLinkAsync(db, links, request.Token, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == counterpart.MissionId, cancellationToken);
        var zone = mission.TimeZone;
        var spans = counterpart.AvailabilityList;
        var days = Enumerable.Range(0, mission.EndDate.DayNumber - mission.StartDate.DayNumber + 1).Select(i => mission.StartDate.AddDays(i)).Select(day =>
        {
            var span = spans.FirstOrDefault(s => DateOnly.FromDateTime(MissionTime.ToLocal(s.From, zone)) == day);
            return span is null ? new DayAvailability(day, null, null)
                : new DayAvailability(day, TimeOnly.FromDateTime(MissionTime.ToLocal(span.From, zone)), TimeOnly.FromDateTime(MissionTime.ToLocal(span.To, zone)));
        }).ToList();
        var delegation = await Directory.LoadAsync(db, mission.Id, [DirectoryKind.Delegate], request.Filter ?? new DirectoryFilter(), cancellationToken);
        return new CounterpartPage(mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate), mission.TimeZoneId,
            counterpart.Name, counterpart.Organisation, counterpart.Sector, counterpart.Country, counterpart.Topics, counterpart.Offers, counterpart.Seeks,
            counterpart.Profile, counterpart.Listed, days, delegation)
        {
            Schedule = await CounterpartSchedules.ItemsAsync(db, mission, counterpart.Id, cancellationToken),
            CalendarUrl = await links.CalendarUrlAsync(counterpart.Id, cancellationToken),
        };
    }
}
