using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Programme;

public interface IProgrammeItemFields
{
    string Title { get; }
    string? Description { get; }
    ProgrammeItemKind Kind { get; }

    /// <summary>Mission-local wall-clock time when given without an offset.</summary>
    DateTime StartsAt { get; }
    DateTime EndsAt { get; }
    Guid? VenueId { get; }
    int? Capacity { get; }
    bool AllowsParallel { get; }
    bool RequiresIdScreening { get; }
    string? DressCode { get; }
    string? Contact { get; }
    TravelMode? TravelMode { get; }
    string? Carrier { get; }
    string? MeetingPoint { get; }
    string? SeatOrCoach { get; }
}

public sealed class ProgrammeItemFieldsValidator : AbstractValidator<IProgrammeItemFields>
{
    public ProgrammeItemFieldsValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(ProgrammeItem.TitleMax).SingleLine();
        RuleFor(x => x.Description).MaximumLength(ProgrammeItem.DescriptionMax);
        RuleFor(x => x.Kind).IsInEnum()
            .NotEqual(ProgrammeItemKind.B2BMeeting)
            .WithMessage("One B2B meeting is placed and moved on the B2B schedule; for a block of meetings, create a B2B meetings session.");
        RuleFor(x => x.StartsAt).NotEmpty();
        RuleFor(x => x.EndsAt).NotEmpty()
            .GreaterThan(x => x.StartsAt).WithMessage("The end must be after the start.");
        RuleFor(x => x.Capacity).GreaterThan(0).LessThanOrEqualTo(100_000);
        RuleFor(x => x.DressCode).MaximumLength(200);
        RuleFor(x => x.Contact).MaximumLength(300);
        RuleFor(x => x.TravelMode).IsInEnum();
        RuleFor(x => x.Carrier).MaximumLength(100);
        RuleFor(x => x.MeetingPoint).MaximumLength(300);
        RuleFor(x => x.SeatOrCoach).MaximumLength(50);
    }
}

public sealed record ProgrammeItemDto(
    Guid Id, string Title, string Description, ProgrammeItemKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    Guid? VenueId, string? VenueName, int? Capacity, bool AllowsParallel, int Version)
{
    public bool RequiresIdScreening { get; init; }
    public string? DressCode { get; init; }
    public string? Contact { get; init; }
    public Audience Audience { get; init; }
    public IReadOnlyList<Sector> AudienceSectors { get; init; } = [];

    /// <summary>Registration ids of the chosen people, when <see cref="Audience"/> is People.</summary>
    public IReadOnlyList<Guid> AudiencePeople { get; init; } = [];
    public bool Cancelled { get; init; }
    public TravelMode? TravelMode { get; init; }
    public string? Carrier { get; init; }
    public string? MeetingPoint { get; init; }
    public string? SeatOrCoach { get; init; }
}

internal static class ProgrammeChecks
{
    /// <summary>What both creating and editing an item set beyond its times and place.</summary>
    public static void ApplyDetails(ProgrammeItem item, IProgrammeItemFields fields)
    {
        item.RequireIdScreening(fields.RequiresIdScreening);
        item.SetDetails(fields.DressCode, fields.Contact);
        item.SetTravel(fields.TravelMode, fields.Carrier, fields.MeetingPoint, fields.SeatOrCoach);
    }

    /// <summary>Turns the typed times into instants and checks what needs the database: venue and overlaps.</summary>
    public static async Task<(DateTime StartsAt, DateTime EndsAt)> CheckAsync(
        AppDbContext db, Mission mission, IProgrammeItemFields fields, Guid? itemId, CancellationToken ct)
    {
        var zone = mission.TimeZone;
        var startsAt = MissionTime.FromTyped(fields.StartsAt, zone, nameof(fields.StartsAt));
        var endsAt = MissionTime.FromTyped(fields.EndsAt, zone, nameof(fields.EndsAt));

        if (fields.VenueId is { } venueId &&
            !await db.Venues.AnyAsync(v => v.Id == venueId && v.MissionId == mission.Id, ct))
        {
            throw new DomainException(nameof(fields.VenueId), "There is no such venue in this mission.");
        }

        if (!fields.AllowsParallel)
        {
            var clash = await db.ProgrammeItems.AsNoTracking()
                .Where(p => p.MissionId == mission.Id && p.Id != itemId && !p.AllowsParallel && !p.Cancelled
                            && p.StartsAt < endsAt && startsAt < p.EndsAt)
                .Select(p => p.Title)
                .FirstOrDefaultAsync(ct);
            if (clash is not null)
            {
                throw new DomainException(nameof(fields.StartsAt),
                    $"This overlaps '{clash}'. Mark one of them as a parallel item, or change the times.");
            }
        }

        if (fields.Kind == ProgrammeItemKind.TravelLeg)
        {
            // The delegation cannot be on two coaches at once: travel legs only overlap when both are marked parallel (groups).
            var leg = await db.ProgrammeItems.AsNoTracking()
                .Where(p => p.MissionId == mission.Id && p.Id != itemId && p.Kind == ProgrammeItemKind.TravelLeg && !p.Cancelled
                            && (!fields.AllowsParallel || !p.AllowsParallel) && p.StartsAt < endsAt && startsAt < p.EndsAt)
                .Select(p => p.Title).FirstOrDefaultAsync(ct);
            if (leg is not null)
            {
                throw new DomainException(nameof(fields.StartsAt),
                    $"This travel leg overlaps the travel leg '{leg}'. Mark both as parallel if different groups travel separately.");
            }
        }

        return (startsAt, endsAt);
    }
}
