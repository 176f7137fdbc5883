using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Registration;

namespace MissionPlanner.Features.Visits;

public sealed record VisitOption(
    Guid Id, string Title, ProgrammeItemKind Kind, string Host, string Venue, int DurationMinutes, IReadOnlyList<string> Times,
    VisitRequirements Requirements, string Notes, int? Rank)
{
    /// <summary>Screened visit and no ID details on file: the person cannot be placed on it.</summary>
    public bool NeedsIdDetails { get; init; }
}

public sealed record MyVisitPlace(string Title, DateTime StartsLocal, DateTime EndsLocal, string Venue);

public sealed record MyVisitChoices(
    string MissionTitle, string Name, DateTime? DeadlineLocal, bool CanChange, string? Closed, IReadOnlyList<VisitOption> Visits,
    IReadOnlyList<MyVisitPlace> Places, int VisitsPerParticipant);

/// <summary>The visits a participant may rank, with their current ranks, behind their personal link.</summary>
public sealed record GetMyVisitChoicesQuery(string Token) : IRequest<MyVisitChoices>;

public sealed class GetMyVisitChoicesHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetMyVisitChoicesQuery, MyVisitChoices>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<MyVisitChoices> Handle(GetMyVisitChoicesQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, request.Token, cancellationToken);
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

/// <summary>
/// The participant ranks the visits they want, best first, until the organisers' deadline or the
/// schedule is locked. Visits left out are ones they do not want.
/// </summary>
public sealed record SetMyVisitPreferencesCommand(string Token, IReadOnlyList<Guid> Ranked) : IRequest<Unit>;

public sealed class SetMyVisitPreferencesValidator : AbstractValidator<SetMyVisitPreferencesCommand>
{
    public SetMyVisitPreferencesValidator()
    {
        RuleFor(x => x.Ranked).NotNull().Must(r => r.Count <= 30).WithMessage("Rank at most 30 visits.");
        RuleForEach(x => x.Ranked).NotEmpty();
    }
}

public sealed class SetMyVisitPreferencesHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<SetMyVisitPreferencesCommand, Unit>
{
    public async Task<Unit> Handle(SetMyVisitPreferencesCommand request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, request.Token, cancellationToken);
        var plan = await db.VisitPlans.AsNoTracking().FirstOrDefaultAsync(p => p.MissionId == registration.MissionId, cancellationToken)
            ?? new VisitPlan(registration.MissionId);
        if (VisitPreferenceRules.WhyClosed(registration, plan, clock.GetUtcNow().UtcDateTime) is { } closed)
        {
            throw new DomainException("Ranked", closed);
        }

        var open = await db.Visits.AsNoTracking()
            .Where(v => v.MissionId == registration.MissionId && !v.Cancelled && v.HostResponse != HostResponse.Declined)
            .Select(v => v.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < request.Ranked.Count; i++)
        {
            if (!open.Contains(request.Ranked[i]))
            {
                throw new DomainException($"Ranked[{i}]", $"Choice {i + 1} is not a visit of this mission (it may have been cancelled).");
            }

            if (request.Ranked.Take(i).Contains(request.Ranked[i]))
            {
                throw new DomainException($"Ranked[{i}]", $"Choice {i + 1} repeats an earlier choice; rank each visit once.");
            }
        }

        db.VisitPreferences.RemoveRange(await db.VisitPreferences.Where(p => p.RegistrationId == registration.Id).ToListAsync(cancellationToken));
        db.VisitPreferences.AddRange(request.Ranked.Select((id, i) => new VisitPreference(registration.MissionId, registration.Id, id, i + 1)));
        db.RegistrationAudits.Add(new RegistrationAudit(registration.MissionId, registration.Id, "visit preferences",
            "participant", $"{request.Ranked.Count} visit(s) ranked", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class VisitPreferenceRules
{
    /// <summary>Why the person cannot change their preferences now, or null when they can.</summary>
    public static string? WhyClosed(Domain.Registrations.Registration registration, VisitPlan plan, DateTime now) =>
        registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined
            ? $"This registration is {registration.Status.ToString().ToLowerInvariant()}."
            : plan.PreferencesDeadline is { } deadline && now >= deadline
                ? "The deadline for visit preferences has passed; please contact the organisers."
                : plan.LockedAt is not null || plan.PublishedAt is not null
                    ? "The visit groups have been made; please contact the organisers to change yours."
                    : null;
}
