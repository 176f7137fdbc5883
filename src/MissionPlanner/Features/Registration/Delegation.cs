using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registration;

public sealed record DelegateRow(
    Guid Id, string Name, string Email, string Organisation, Sector Sector, string? JobTitle, DelegationRole Role, RegistrationStatus Status,
    long Arrival, string? Dietary, string? Accessibility, bool ConsentListing, DateTime CreatedAt, int? PrecedenceRank)
{
    public int Precedence => PrecedenceRank ?? Domain.Registrations.Registration.DefaultPrecedence(Role);

    /// <summary>Answers to the mission's own questions, as stored (question id → values).</summary>
    public string Answers { get; init; } = "{}";
    public bool IdDetailsOnFile { get; init; }
}

/// <summary>What caterers and venues need: how many of each dietary need, and every accessibility need, of the confirmed.</summary>
public sealed record CateringSummary(IReadOnlyDictionary<string, int> Dietary, IReadOnlyList<string> Allergies, IReadOnlyList<string> Accessibility);

public sealed record DelegationView(
    int? Capacity, int Confirmed, int Waitlisted, int Cancelled, IReadOnlyDictionary<Sector, int> ConfirmedBySector, IReadOnlyList<DelegateRow> People,
    CateringSummary Catering)
{
    public int Pending { get; init; }
    public IReadOnlyList<QuestionView> Questions { get; init; } = [];

    /// <summary>Whether registration asks for ID details (a screened visit is in the programme).</summary>
    public bool AsksIdDetails { get; init; }
}

/// <summary>The delegation for organisers: filters, counts per sector, waitlist in order.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetDelegationQuery(Guid MissionId, RegistrationStatus? Status = null, Sector? Sector = null, string? Organisation = null)
    : IRequest<DelegationView>, IMissionRequest;

public sealed class GetDelegationHandler(AppDbContext db) : IRequestHandler<GetDelegationQuery, DelegationView>
{
    public async Task<DelegationView> Handle(GetDelegationQuery request, CancellationToken cancellationToken)
    {
        var all = db.Registrations.AsNoTracking().Where(r => r.MissionId == request.MissionId);
        var counts = (await all.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        var bySector = (await all.Where(r => r.Status == RegistrationStatus.Confirmed).GroupBy(r => r.Sector)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(x => x.Key, x => x.Count);
        var organisation = request.Organisation?.Trim();
        var people = await all
            .Where(r => request.Status == null || r.Status == request.Status)
            .Where(r => request.Sector == null || r.Sector == request.Sector)
            .Where(r => string.IsNullOrEmpty(organisation) || r.Organisation == organisation)
            .Select(r => new DelegateRow(r.Id, r.Name, r.Email, r.Organisation, r.Sector, r.JobTitle, r.Role, r.Status, r.Arrival,
                r.Dietary, r.Accessibility, r.ConsentListing, r.CreatedAt, r.PrecedenceRank)
            { Answers = r.Answers, IdDetailsOnFile = r.IdDetails != null })
            .ToListAsync(cancellationToken);
        // Confirmed in order of precedence, then the waitlist in order of arrival, then the rest (pending first).
        people = [.. people.OrderBy(p => p.Status).ThenBy(p => p.Status == RegistrationStatus.Confirmed ? p.Precedence : 0)
            .ThenBy(p => p.Status == RegistrationStatus.Confirmed ? p.Name : "").ThenBy(p => p.Arrival)];
        var confirmed = await all.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => new { r.Dietary, r.Accessibility }).ToListAsync(cancellationToken);
        var capacity = await db.Missions.Where(m => m.Id == request.MissionId).Select(m => m.Capacity).FirstAsync(cancellationToken);
        return new DelegationView(capacity, counts.GetValueOrDefault(RegistrationStatus.Confirmed), counts.GetValueOrDefault(RegistrationStatus.Waitlisted),
            counts.GetValueOrDefault(RegistrationStatus.Cancelled), bySector, people, Catering(confirmed.Select(c => (c.Dietary, c.Accessibility))))
        {
            Pending = counts.GetValueOrDefault(RegistrationStatus.Pending),
            Questions = (await RegistrationIntake.QuestionsAsync(db, request.MissionId, cancellationToken)).Select(RegistrationIntake.View).ToList(),
            AsksIdDetails = await RegistrationIntake.AsksIdDetailsAsync(db, request.MissionId, cancellationToken),
        };
    }

    private static CateringSummary Catering(IEnumerable<(string? Dietary, string? Accessibility)> people)
    {
        var dietary = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var allergies = new List<string>();
        var accessibility = new List<string>();
        foreach (var (diet, access) in people)
        {
            foreach (var part in (diet ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.StartsWith("allergies:", StringComparison.OrdinalIgnoreCase))
                {
                    allergies.Add(part["allergies:".Length..].Trim());
                }
                else
                {
                    dietary[part.ToLowerInvariant()] = dietary.GetValueOrDefault(part.ToLowerInvariant()) + 1;
                }
            }

            if (!string.IsNullOrWhiteSpace(access))
            {
                accessibility.Add(access);
            }
        }

        return new CateringSummary(dietary, allergies, accessibility);
    }
}

/// <summary>The delegation as CSV that opens correctly in Excel: UTF-8 with BOM, quoted fields, formula-safe.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ExportDelegationQuery(Guid MissionId) : IRequest<byte[]>, IMissionRequest;

public sealed class ExportDelegationHandler(IMediator mediator) : IRequestHandler<ExportDelegationQuery, byte[]>
{
    public async Task<byte[]> Handle(ExportDelegationQuery request, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetDelegationQuery(request.MissionId), cancellationToken);
        string[] header = ["name", "email", "organisation", "sector", "job title", "delegation role", "status", "dietary", "accessibility",
            .. view.Questions.Select(q => q.Prompt), .. view.AsksIdDetails ? new[] { "ID details" } : []];
        return Csv.Document(header,
            view.People.Where(p => p.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined)).Select(p =>
            {
                var answers = RegistrationIntake.ReadAnswers(p.Answers);
                return new[]
                {
                    p.Name, p.Email, p.Organisation, p.Sector.ToString(), p.JobTitle, p.Role.ToString(), p.Status.ToString(), p.Dietary, p.Accessibility,
                }.Concat(view.Questions.Select(q => answers.TryGetValue(q.Id, out var a) ? string.Join("; ", a) : null))
                .Concat(view.AsksIdDetails ? [p.IdDetailsOnFile ? "given" : "missing"] : []).ToArray();
            }));
    }
}

/// <summary>Sets the delegation's capacity; extra places go straight to the people waiting, who are emailed.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetCapacityCommand(int? Capacity) : IRequest<int>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetCapacityValidator : AbstractValidator<SetCapacityCommand>
{
    public SetCapacityValidator() => RuleFor(x => x.Capacity).InclusiveBetween(1, 10_000);
}

public sealed class SetCapacityHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, TimeProvider clock) : IRequestHandler<SetCapacityCommand, int>
{
    public async Task<int> Handle(SetCapacityCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        await db.Missions.Where(m => m.Id == request.MissionId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Capacity, request.Capacity), cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var promoted = await RegistrationPlaces.PromoteAsync(db, mission.Id, freedOne: false, now, cancellationToken);
        foreach (var next in promoted)
        {
            await RegistrationPlaces.EnqueueStatusAsync(db, outbox, mission, next, links.Registration(next.IssueToken()), 0, null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted.Count;
    }
}

/// <summary>Moves someone in the order of precedence; empty puts them back at their role's default.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetPrecedenceCommand(Guid MissionId, Guid RegistrationId, int? Rank) : IRequest<Unit>, IMissionRequest;

public sealed class SetPrecedenceHandler(AppDbContext db, TimeProvider clock, CurrentUser user) : IRequestHandler<SetPrecedenceCommand, Unit>
{
    public async Task<Unit> Handle(SetPrecedenceCommand request, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new Domain.Common.NotFoundException("Registration");
        var now = clock.GetUtcNow().UtcDateTime;
        registration.SetPrecedence(request.Rank, now);
        db.RegistrationAudits.Add(new RegistrationAudit(request.MissionId, registration.Id, "precedence", $"organiser {user.OrganiserId}",
            request.Rank?.ToString() ?? "default", now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// The participant list shared with the delegation and hosts: confirmed people who agreed to be
/// listed, in order of precedence, with what others may see (name, organisation, title).
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetParticipantListQuery(Guid MissionId) : IRequest<IReadOnlyList<ListedParticipant>>, IMissionRequest;

/// <summary>The shareable participant list as CSV for Excel.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ExportParticipantListQuery(Guid MissionId) : IRequest<byte[]>, IMissionRequest;

public sealed class ExportParticipantListHandler(IMediator mediator) : IRequestHandler<ExportParticipantListQuery, byte[]>
{
    public async Task<byte[]> Handle(ExportParticipantListQuery request, CancellationToken cancellationToken) =>
        Csv.Document(["name", "organisation", "sector", "job title", "delegation role"],
            (await mediator.Send(new GetParticipantListQuery(request.MissionId), cancellationToken))
                .Select(p => new[] { p.Name, p.Organisation, p.Sector.ToString(), p.JobTitle, p.Role.ToString() }));
}

public sealed record ListedParticipant(string Name, string Organisation, Sector Sector, string? JobTitle, DelegationRole Role);

public sealed class GetParticipantListHandler(IMediator mediator) : IRequestHandler<GetParticipantListQuery, IReadOnlyList<ListedParticipant>>
{
    public async Task<IReadOnlyList<ListedParticipant>> Handle(GetParticipantListQuery request, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetDelegationQuery(request.MissionId, RegistrationStatus.Confirmed), cancellationToken);
        return view.People.Where(p => p.ConsentListing)
            .Select(p => new ListedParticipant(p.Name, p.Organisation, p.Sector, p.JobTitle, p.Role))
            .ToList();
    }
}
