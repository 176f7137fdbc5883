using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>One mission day and when the counterpart can meet on it, in mission time; no times: not that day.</summary>
public sealed record DayAvailability(DateOnly Day, TimeOnly? From, TimeOnly? To);

/// <summary>What a counterpart sees on their page (/m/…): the mission, their profile, their availability per day, and the delegation.</summary>
public sealed record CounterpartPage(
    string MissionTitle, string Where, string When, string TimeZoneId, string Name, string Organisation, Sector Sector, string? Country, string Topics,
    string? Offers, string? Seeks, string? Profile, bool Listed, IReadOnlyList<DayAvailability> Days, DirectoryView Delegation);

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
            counterpart.Profile, counterpart.Listed, days, delegation);
    }
}

/// <summary>
/// A counterpart completes their profile and says when they can meet, day by day in mission time (a time that
/// does not exist that day is refused naming the nearest ones; the end must follow the start).
/// </summary>
public sealed record UpdateMyCounterpartProfileCommand(
    string Token, string? Topics, string? Offers, string? Seeks, string? Profile, bool Listed, IReadOnlyList<DayAvailability> Availability) : IRequest<Unit>;

public sealed class UpdateMyCounterpartProfileValidator : AbstractValidator<UpdateMyCounterpartProfileCommand>
{
    public UpdateMyCounterpartProfileValidator()
    {
        Include(new ProfileTextValidator<UpdateMyCounterpartProfileCommand>(x => x.Topics, x => x.Offers, x => x.Seeks, x => x.Profile));
        RuleForEach(x => x.Availability).Must(d => d.From is null == d.To is null)
            .WithMessage(d => $"{d.Availability.FirstOrDefault(a => a.From is null != a.To is null)?.Day:dddd d MMMM}: give both the start and the end, or neither.")
            .OverridePropertyName("Availability");
        RuleForEach(x => x.Availability).Must(d => d.From is null || d.To is null || d.To > d.From)
            .WithMessage("Each day's end must be after its start.").OverridePropertyName("Availability");
    }
}

public sealed class UpdateMyCounterpartProfileHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<UpdateMyCounterpartProfileCommand, Unit>
{
    public async Task<Unit> Handle(UpdateMyCounterpartProfileCommand request, CancellationToken cancellationToken)
    {
        var counterpart = await Counterparts.ByLinkAsync(db, links, request.Token, cancellationToken, tracked: true);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == counterpart.MissionId, cancellationToken);
        var zone = mission.TimeZone;
        if (request.Availability.FirstOrDefault(d => d.Day < mission.StartDate || d.Day > mission.EndDate) is { } outside)
        {
            throw new DomainException("Availability", $"{outside.Day:yyyy-MM-dd} is not one of the mission's days.");
        }

        var spans = request.Availability.Where(d => d.From is not null && d.To is not null)
            .Select(d => new AvailabilitySpan(MissionTime.FromTyped(d.Day.ToDateTime(d.From!.Value), zone, "Availability"),
                MissionTime.FromTyped(d.Day.ToDateTime(d.To!.Value), zone, "Availability")))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        counterpart.SetProfile(Counterpart.SplitTopics(request.Topics), request.Offers, request.Seeks, request.Profile, request.Listed, now);
        counterpart.SetAvailability(spans, mission.UtcWindow(), now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
