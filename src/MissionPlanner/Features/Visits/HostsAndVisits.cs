using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Programme;

namespace MissionPlanner.Features.Visits;

public interface IHostFields
{
    string Name { get; }
    string ContactName { get; }
    string ContactEmail { get; }
    string? ContactPhone { get; }
}

public sealed class HostFieldsValidator : AbstractValidator<IHostFields>
{
    public HostFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(VisitHost.NameMax).SingleLine();
        RuleFor(x => x.ContactName).NotEmpty().MaximumLength(200).SingleLine();
        RuleFor(x => x.ContactEmail).NotEmpty().ValidEmailAddress();
        RuleFor(x => x.ContactPhone).MaximumLength(40).Matches(@"^\+?[0-9 ()\-]{6,}$").When(x => !string.IsNullOrWhiteSpace(x.ContactPhone))
            .WithMessage("Give a phone number of digits, e.g. +44 20 7946 0000.");
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateHostCommand(string Name, string ContactName, string ContactEmail, string? ContactPhone)
    : IRequest<Guid>, IMissionRequest, IHostFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class CreateHostValidator : AbstractValidator<CreateHostCommand>
{
    public CreateHostValidator() => Include(new HostFieldsValidator());
}

public sealed class CreateHostHandler(AppDbContext db) : IRequestHandler<CreateHostCommand, Guid>
{
    public async Task<Guid> Handle(CreateHostCommand request, CancellationToken cancellationToken)
    {
        var host = new VisitHost(request.MissionId, request.Name, request.ContactName, request.ContactEmail, request.ContactPhone);
        db.VisitHosts.Add(host);
        await db.SaveChangesAsync(cancellationToken);
        return host.Id;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateHostCommand(string Name, string ContactName, string ContactEmail, string? ContactPhone, int Version)
    : IRequest<Unit>, IMissionRequest, IHostFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid HostId { get; init; }
}

public sealed class UpdateHostValidator : AbstractValidator<UpdateHostCommand>
{
    public UpdateHostValidator() => Include(new HostFieldsValidator());
}

public sealed class UpdateHostHandler(AppDbContext db) : IRequestHandler<UpdateHostCommand, Unit>
{
    public async Task<Unit> Handle(UpdateHostCommand request, CancellationToken cancellationToken)
    {
        var host = await db.VisitHosts.FirstOrDefaultAsync(h => h.MissionId == request.MissionId && h.Id == request.HostId, cancellationToken)
            ?? throw new NotFoundException("Host");
        db.ExpectVersion(host, request.Version);
        host.Update(request.Name, request.ContactName, request.ContactEmail, request.ContactPhone);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed record HostSummary(
    Guid Id, string Name, string ContactName, string ContactEmail, string? ContactPhone, DateTime? LinkSentAt, int Reminders,
    int Visits, int Pending, int Confirmed, int Declined, int ChangeProposed, int Version);

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListHostsQuery(Guid MissionId) : IRequest<IReadOnlyList<HostSummary>>, IMissionRequest;

public sealed class ListHostsHandler(AppDbContext db) : IRequestHandler<ListHostsQuery, IReadOnlyList<HostSummary>>
{
    public async Task<IReadOnlyList<HostSummary>> Handle(ListHostsQuery request, CancellationToken cancellationToken)
    {
        var hosts = await db.VisitHosts.AsNoTracking().Where(h => h.MissionId == request.MissionId).OrderBy(h => h.Name).ToListAsync(cancellationToken);
        var visits = (await db.Visits.AsNoTracking().Where(v => v.MissionId == request.MissionId && !v.Cancelled)
            .Select(v => new { v.HostId, v.HostResponse }).ToListAsync(cancellationToken)).ToLookup(v => v.HostId, v => v.HostResponse);
        return hosts.Select(h => new HostSummary(h.Id, h.Name, h.ContactName, h.ContactEmail, h.ContactPhone, h.LinkSentAt, h.Reminders,
            visits[h.Id].Count(), visits[h.Id].Count(r => r == HostResponse.Pending), visits[h.Id].Count(r => r == HostResponse.Confirmed),
            visits[h.Id].Count(r => r == HostResponse.Declined), visits[h.Id].Count(r => r == HostResponse.ChangeProposed), h.Version)).ToList();
    }
}

/// <summary>A time window in the mission's local time.</summary>
public sealed record VisitWindowInput(DateTime StartsAt, DateTime EndsAt);

public interface IVisitFields
{
    Guid HostId { get; }
    Guid VenueId { get; }
    string Title { get; }
    ProgrammeItemKind Kind { get; }
    int DurationMinutes { get; }
    int MinGroupSize { get; }
    int MaxGroupSize { get; }
    int ParallelGroups { get; }
    VisitRequirements Requirements { get; }
    int ScreeningLeadDays { get; }
    string? Notes { get; }
    IReadOnlyList<VisitWindowInput> Windows { get; }
}

public sealed class VisitFieldsValidator : AbstractValidator<IVisitFields>
{
    public VisitFieldsValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Visit.TitleMax).SingleLine();
        RuleFor(x => x.HostId).NotEmpty();
        RuleFor(x => x.VenueId).NotEmpty();
        RuleFor(x => x.Kind).Must(k => k is ProgrammeItemKind.LabTour or ProgrammeItemKind.CompanyVisit).WithMessage("A visit is a lab tour or a company visit.");
        RuleFor(x => x.DurationMinutes).InclusiveBetween(10, 12 * 60);
        RuleFor(x => x.MinGroupSize).InclusiveBetween(1, 500);
        RuleFor(x => x.MaxGroupSize).InclusiveBetween(1, 500);
        RuleFor(x => x.MinGroupSize).LessThanOrEqualTo(x => x.MaxGroupSize)
            .WithMessage(x => $"The smallest group ({x.MinGroupSize}) cannot be larger than the largest ({x.MaxGroupSize}).");
        RuleFor(x => x.ParallelGroups).InclusiveBetween(1, 20);
        RuleFor(x => x.ScreeningLeadDays).InclusiveBetween(0, 90);
        RuleFor(x => x.Notes).MaximumLength(Visit.NotesMax);
        RuleFor(x => x.Windows).NotNull().NotEmpty().WithMessage("Give at least one time window in which the host can receive a group.")
            .Must(w => w.Count <= 40).WithMessage("Give at most 40 time windows.");
        RuleForEach(x => x.Windows).Must(w => w.EndsAt > w.StartsAt).WithMessage("A window must end after it starts.");
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateVisitCommand(
    Guid HostId, Guid VenueId, string Title, ProgrammeItemKind Kind, int DurationMinutes, int MinGroupSize, int MaxGroupSize,
    IReadOnlyList<VisitWindowInput> Windows) : IRequest<Guid>, IMissionRequest, IVisitFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    public int ParallelGroups { get; init; } = 1;
    public VisitRequirements Requirements { get; init; }
    public int ScreeningLeadDays { get; init; }
    public string? Notes { get; init; }
}

public sealed class CreateVisitValidator : AbstractValidator<CreateVisitCommand>
{
    public CreateVisitValidator() => Include(new VisitFieldsValidator());
}

public sealed class CreateVisitHandler(AppDbContext db) : IRequestHandler<CreateVisitCommand, Guid>
{
    public async Task<Guid> Handle(CreateVisitCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var visit = new Visit(mission.Id, request.HostId);
        await VisitEditing.ApplyAsync(db, mission, visit, request, cancellationToken);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return visit.Id;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateVisitCommand(
    Guid HostId, Guid VenueId, string Title, ProgrammeItemKind Kind, int DurationMinutes, int MinGroupSize, int MaxGroupSize,
    IReadOnlyList<VisitWindowInput> Windows, int Version) : IRequest<Unit>, IMissionRequest, IVisitFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid VisitId { get; init; }

    public int ParallelGroups { get; init; } = 1;
    public VisitRequirements Requirements { get; init; }
    public int ScreeningLeadDays { get; init; }
    public string? Notes { get; init; }
}

public sealed class UpdateVisitValidator : AbstractValidator<UpdateVisitCommand>
{
    public UpdateVisitValidator() => Include(new VisitFieldsValidator());
}

/// <summary>
/// Changes a visit. People placed in a group that no longer exists (or beyond a smaller group size)
/// lose that place, so the organisers run the schedule for the visit again; a change of times or
/// sizes goes back to the host for confirmation.
/// </summary>
public sealed class UpdateVisitHandler(AppDbContext db) : IRequestHandler<UpdateVisitCommand, Unit>
{
    public async Task<Unit> Handle(UpdateVisitCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.MissionId == request.MissionId && v.Id == request.VisitId && !v.Cancelled, cancellationToken)
            ?? throw new NotFoundException("Visit");
        db.ExpectVersion(visit, request.Version);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var before = (visit.Windows, visit.DurationMinutes, visit.MaxGroupSize, visit.ParallelGroups);
        await VisitEditing.ApplyAsync(db, mission, visit, request, cancellationToken);
        if (before != (visit.Windows, visit.DurationMinutes, visit.MaxGroupSize, visit.ParallelGroups))
        {
            visit.AwaitHost();
            await VisitEditing.DropAssignmentsThatNoLongerFitAsync(db, visit, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Cancels a visit: its groups leave everyone's programme (they are emailed with the next batch of
/// programme changes, and the booklet and itineraries already printed are printed again), and the
/// host's link no longer shows it.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelVisitCommand(Guid MissionId, Guid VisitId) : IRequest<Unit>, IMissionRequest;

public sealed class CancelVisitHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CancelVisitCommand, Unit>
{
    public async Task<Unit> Handle(CancelVisitCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.MissionId == request.MissionId && v.Id == request.VisitId, cancellationToken)
            ?? throw new NotFoundException("Visit");
        var plan = await VisitPlans.GetAsync(db, request.MissionId, cancellationToken);
        plan.EnsureUnlocked();
        visit.Cancel();
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        var groups = await db.ProgrammeItems.Where(p => p.VisitId == visit.Id && !p.Cancelled).ToListAsync(cancellationToken);
        foreach (var item in groups)
        {
            item.Cancel();
            ProgrammeChangeLog.Record(db, item, $"Cancelled: '{item.Title}', {ProgrammeChangeLog.When(item, mission)}.",
                await ProgrammeChangeLog.AudienceAsync(db, item, cancellationToken), now);
        }

        db.VisitAssignments.RemoveRange(await db.VisitAssignments.Where(a => a.VisitId == visit.Id).ToListAsync(cancellationToken));
        plan.Changed();
        if (groups.Count > 0)
        {
            // Its published groups were programme items: the booklet and itineraries printed with them are printed again.
            await Documents.DocumentGeneration.RefreshAsync(db, request.MissionId, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed record VisitSummary(
    Guid Id, string Title, ProgrammeItemKind Kind, Guid HostId, string Host, Guid VenueId, string Venue, int DurationMinutes, int MinGroupSize,
    int MaxGroupSize, int ParallelGroups, VisitRequirements Requirements, int ScreeningLeadDays, string Notes,
    IReadOnlyList<VisitWindowInput> Windows, int Groups, bool Cancelled, HostResponse HostResponse, string? HostMessage,
    int FirstChoices, int Ranked, int Assigned, int Version);

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListVisitsQuery(Guid MissionId) : IRequest<IReadOnlyList<VisitSummary>>, IMissionRequest;

public sealed class ListVisitsHandler(AppDbContext db) : IRequestHandler<ListVisitsQuery, IReadOnlyList<VisitSummary>>
{
    public async Task<IReadOnlyList<VisitSummary>> Handle(ListVisitsQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var rows = await db.Visits.AsNoTracking().Where(v => v.MissionId == mission.Id)
            .Select(v => new
            {
                Visit = v,
                Host = db.VisitHosts.Where(h => h.Id == v.HostId).Select(h => h.Name).First(),
                Venue = db.Venues.Where(x => x.Id == v.VenueId).Select(x => x.Name).First(),
                First = db.VisitPreferences.Count(p => p.VisitId == v.Id && p.Rank == 1),
                Ranked = db.VisitPreferences.Count(p => p.VisitId == v.Id),
                Assigned = db.VisitAssignments.Count(a => a.VisitId == v.Id),
            }).ToListAsync(cancellationToken);
        var zone = mission.TimeZone;
        return rows.OrderBy(r => r.Visit.Cancelled).ThenBy(r => r.Visit.Title).Select(r => new VisitSummary(r.Visit.Id, r.Visit.Title, r.Visit.Kind,
            r.Visit.HostId, r.Host, r.Visit.VenueId, r.Venue, r.Visit.DurationMinutes, r.Visit.MinGroupSize, r.Visit.MaxGroupSize,
            r.Visit.ParallelGroups, r.Visit.Requirements, r.Visit.ScreeningLeadDays, r.Visit.Notes,
            r.Visit.WindowList.Select(w => new VisitWindowInput(MissionTime.ToLocal(w.Start, zone), MissionTime.ToLocal(w.End, zone))).ToList(),
            r.Visit.Groups().Count, r.Visit.Cancelled, r.Visit.HostResponse, r.Visit.HostMessage, r.First, r.Ranked, r.Assigned, r.Visit.Version)).ToList();
    }
}

/// <summary>When participants must have ranked the visits (mission time), and how many visits each gets.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetVisitSettingsCommand(DateTime? PreferencesDeadline, int VisitsPerParticipant) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetVisitSettingsHandler(AppDbContext db) : IRequestHandler<SetVisitSettingsCommand, Unit>
{
    public async Task<Unit> Handle(SetVisitSettingsCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var plan = await VisitPlans.GetAsync(db, request.MissionId, cancellationToken);
        var deadline = request.PreferencesDeadline is { } local ? MissionTime.ToUtc(local, mission.TimeZone) : (DateTime?)null;
        if (deadline > mission.UtcWindow().From)
        {
            throw new DomainException(nameof(SetVisitSettingsCommand.PreferencesDeadline), "The deadline for preferences must be before the mission starts.");
        }

        plan.Configure(deadline, request.VisitsPerParticipant);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class VisitEditing
{
    public static async Task ApplyAsync(AppDbContext db, Mission mission, Visit visit, IVisitFields fields, CancellationToken ct)
    {
        if (!await db.VisitHosts.AnyAsync(h => h.MissionId == mission.Id && h.Id == fields.HostId, ct))
        {
            throw new DomainException(nameof(IVisitFields.HostId), "Choose a host of this mission.");
        }

        if (!await db.Venues.AnyAsync(v => v.MissionId == mission.Id && v.Id == fields.VenueId, ct))
        {
            throw new DomainException(nameof(IVisitFields.VenueId), "Choose a venue of this mission.");
        }

        visit.ChangeHost(fields.HostId);
        var zone = mission.TimeZone;
        visit.Update(mission, fields.Title, fields.Kind, fields.VenueId, fields.DurationMinutes, fields.MinGroupSize, fields.MaxGroupSize,
            fields.ParallelGroups, fields.Requirements, fields.ScreeningLeadDays, fields.Notes,
            fields.Windows.Select(w => (MissionTime.ToUtc(w.StartsAt, zone), MissionTime.ToUtc(w.EndsAt, zone))).ToList());
    }

    /// <summary>Removes places in groups that no longer exist, and the last placed beyond a smaller group size.</summary>
    public static async Task<int> DropAssignmentsThatNoLongerFitAsync(AppDbContext db, Visit visit, CancellationToken ct)
    {
        var groups = visit.Groups().ToHashSet();
        var assignments = await db.VisitAssignments.Where(a => a.VisitId == visit.Id).ToListAsync(ct);
        var dropped = assignments.Where(a => !groups.Contains(a.Group))
            .Concat(assignments.Where(a => groups.Contains(a.Group)).GroupBy(a => a.Group)
                .SelectMany(g => g.OrderByDescending(a => a.Pinned).ThenBy(a => a.Id).Skip(visit.MaxGroupSize))).ToList();
        db.VisitAssignments.RemoveRange(dropped);
        if (dropped.Count > 0)
        {
            (await VisitPlans.GetAsync(db, visit.MissionId, ct)).Changed();
        }

        return dropped.Count;
    }
}

internal static class VisitPlans
{
    /// <summary>The mission's plan, created with defaults the first time it is needed (tracked).</summary>
    public static async Task<VisitPlan> GetAsync(AppDbContext db, Guid missionId, CancellationToken ct)
    {
        var plan = db.VisitPlans.Local.FirstOrDefault(p => p.MissionId == missionId)
            ?? await db.VisitPlans.FirstOrDefaultAsync(p => p.MissionId == missionId, ct);
        if (plan is null)
        {
            plan = new VisitPlan(missionId);
            db.VisitPlans.Add(plan);
        }

        return plan;
    }
}
