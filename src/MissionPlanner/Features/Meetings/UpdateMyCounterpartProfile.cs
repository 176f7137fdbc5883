using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

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
