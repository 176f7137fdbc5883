using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateProgrammeItemCommand(
    string Title, string? Description, ProgrammeItemKind Kind, DateTime StartsAt, DateTime EndsAt,
    Guid? VenueId, int? Capacity, bool AllowsParallel) : IRequest<Guid>, IMissionRequest, IProgrammeItemFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    public bool RequiresIdScreening { get; init; }
    public string? DressCode { get; init; }
    public string? Contact { get; init; }
    public TravelMode? TravelMode { get; init; }
    public string? Carrier { get; init; }
    public string? MeetingPoint { get; init; }
    public string? SeatOrCoach { get; init; }
}

public sealed class CreateProgrammeItemValidator : AbstractValidator<CreateProgrammeItemCommand>
{
    public CreateProgrammeItemValidator() => Include(new ProgrammeItemFieldsValidator());
}

public sealed class CreateProgrammeItemHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CreateProgrammeItemCommand, Guid>
{
    public async Task<Guid> Handle(CreateProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken)
            ?? throw new NotFoundException("Mission");
        var (startsAt, endsAt) = await ProgrammeChecks.CheckAsync(db, mission, request, null, cancellationToken);
        var item = new ProgrammeItem(mission, request.Title, request.Description ?? "", request.Kind, startsAt, endsAt,
            request.VenueId, request.Capacity, request.AllowsParallel);
        ProgrammeChecks.ApplyDetails(item, request);
        db.ProgrammeItems.Add(item);
        ProgrammeChangeLog.Record(db, item, $"New: '{item.Title}', {ProgrammeChangeLog.When(item, mission)}.",
            await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken), clock.GetUtcNow().UtcDateTime);
        await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateProgrammeItemCommand(
    string Title, string? Description, ProgrammeItemKind Kind, DateTime StartsAt, DateTime EndsAt,
    Guid? VenueId, int? Capacity, bool AllowsParallel, int Version)
    : IRequest<Unit>, IMissionRequest, IProgrammeItemFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid ItemId { get; init; }

    public bool RequiresIdScreening { get; init; }
    public string? DressCode { get; init; }
    public string? Contact { get; init; }
    public TravelMode? TravelMode { get; init; }
    public string? Carrier { get; init; }
    public string? MeetingPoint { get; init; }
    public string? SeatOrCoach { get; init; }
}

public sealed class UpdateProgrammeItemValidator : AbstractValidator<UpdateProgrammeItemCommand>
{
    public UpdateProgrammeItemValidator() => Include(new ProgrammeItemFieldsValidator());
}

public sealed class UpdateProgrammeItemHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<UpdateProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(UpdateProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken)
            ?? throw new NotFoundException("Mission");
        var item = await db.ProgrammeItems
            .FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        db.ExpectVersion(item, request.Version);
        var before = (item.Title, item.StartsAt, item.EndsAt, item.VenueId);
        var (startsAt, endsAt) = await ProgrammeChecks.CheckAsync(db, mission, request, item.Id, cancellationToken);
        item.Update(mission, request.Title, request.Description ?? "", request.Kind, startsAt, endsAt,
            request.VenueId, request.Capacity, request.AllowsParallel);
        ProgrammeChecks.ApplyDetails(item, request);
        if (before != (item.Title, item.StartsAt, item.EndsAt, item.VenueId))
        {
            ProgrammeChangeLog.Record(db, item, $"'{item.Title}' is now {ProgrammeChangeLog.When(item, mission)}{(item.VenueId != before.VenueId ? ", at another venue" : "")}.",
                await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken), clock.GetUtcNow().UtcDateTime);
        }

        await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeleteProgrammeItemCommand(Guid MissionId, Guid ItemId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteProgrammeItemHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<DeleteProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(DeleteProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems
            .FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        ProgrammeChangeLog.Record(db, item, $"'{item.Title}' ({ProgrammeChangeLog.When(item, mission)}) is no longer in the programme.",
            await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken), clock.GetUtcNow().UtcDateTime);
        db.ProgrammeItems.Remove(item);
        await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Who an item is for: everyone, the people of some sectors, or chosen people (by registration).
/// Itineraries and calendars follow at once.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetItemAudienceCommand(Audience Audience, IReadOnlyList<Sector>? Sectors, IReadOnlyList<Guid>? People)
    : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid ItemId { get; init; }
}

public sealed class SetItemAudienceValidator : AbstractValidator<SetItemAudienceCommand>
{
    public SetItemAudienceValidator()
    {
        RuleFor(x => x.Audience).IsInEnum();
        RuleForEach(x => x.Sectors).IsInEnum();
        RuleFor(x => x.People).NotEmpty().When(x => x.Audience == Audience.People).WithMessage("Choose at least one person.");
        RuleFor(x => x.People).Must(p => p is null || p.Count <= 2000).WithMessage("Choose at most 2,000 people.");
    }
}

public sealed class SetItemAudienceHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<SetItemAudienceCommand, Unit>
{
    public async Task<Unit> Handle(SetItemAudienceCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems.FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        var people = (request.People ?? []).Distinct().ToList();
        if (request.Audience == Audience.People)
        {
            var known = await db.Registrations.Where(r => r.MissionId == request.MissionId && people.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
            var unknown = people.Except(known).ToList();
            if (unknown.Count > 0)
            {
                throw new DomainException("People", $"{unknown.Count} of the chosen people are not registered for this mission (e.g. {unknown[0]}).");
            }
        }

        var wasFor = await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken);
        item.SetAudience(request.Audience, request.Sectors ?? []);
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        await db.ProgrammeItemPeople.Where(x => x.ProgrammeItemId == item.Id).ExecuteDeleteAsync(cancellationToken);
        if (request.Audience == Audience.People)
        {
            db.ProgrammeItemPeople.AddRange(people.Select(p => new ProgrammeItemPerson(item.Id, p)));
        }

        await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var isFor = await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var when = ProgrammeChangeLog.When(item, mission);
        var now = clock.GetUtcNow().UtcDateTime;
        ProgrammeChangeLog.Record(db, item, $"'{item.Title}' ({when}) is now in your programme.", isFor.Except(wasFor), now);
        ProgrammeChangeLog.Record(db, item, $"'{item.Title}' ({when}) is no longer in your programme.", wasFor.Except(isFor), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Cancels an item (or takes the cancellation back): it stays in itineraries and calendars, marked cancelled.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelProgrammeItemCommand(Guid MissionId, Guid ItemId, bool Cancelled = true) : IRequest<Unit>, IMissionRequest;

public sealed class CancelProgrammeItemHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CancelProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(CancelProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems.FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        if (request.Cancelled)
        {
            item.Cancel();
        }
        else
        {
            item.Reinstate();
        }

        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        ProgrammeChangeLog.Record(db, item, request.Cancelled
                ? $"'{item.Title}' ({ProgrammeChangeLog.When(item, mission)}) is cancelled."
                : $"'{item.Title}' ({ProgrammeChangeLog.When(item, mission)}) takes place after all.",
            await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken), clock.GetUtcNow().UtcDateTime);
        await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The people an item is for, when it is for chosen people.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListItemPeopleQuery(Guid MissionId, Guid ItemId) : IRequest<IReadOnlyList<Guid>>, IMissionRequest;

public sealed class ListItemPeopleHandler(AppDbContext db) : IRequestHandler<ListItemPeopleQuery, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(ListItemPeopleQuery request, CancellationToken cancellationToken) =>
        await db.ProgrammeItemPeople.Where(x => x.ProgrammeItemId == request.ItemId
                                                && db.ProgrammeItems.Any(p => p.Id == request.ItemId && p.MissionId == request.MissionId))
            .Select(x => x.RegistrationId).ToListAsync(cancellationToken);
}
