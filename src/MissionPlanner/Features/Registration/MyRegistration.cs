using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registration;

public sealed record MyRegistrationView(
    string MissionTitle, string Where, string When, string Name, string Email, string Organisation, Sector Sector, DelegationRole Role,
    string? Dietary, string? Accessibility, bool ConsentPhotos, bool ConsentListing, RegistrationStatus Status, int WaitlistPosition,
    string? JobTitle, string? Phone, bool CanChange, DateTime? ArrivalAt, string? ArrivalBy, DateTime? DepartureAt, string? DepartureBy,
    bool AccommodationNeeded, string? EmergencyContact)
{
    public Guid MissionId { get; init; }
    public string? Bio { get; init; }
    public IReadOnlyDictionary<Guid, string[]> Answers { get; init; } = new Dictionary<Guid, string[]>();
    public bool IdDetailsOnFile { get; init; }
    public string? DecisionMessage { get; init; }

    /// <summary>The mission offers visits the person can rank.</summary>
    public bool HasVisits { get; init; }
}

/// <summary>The participant's own registration, behind their personal link; any other token is "not found".</summary>
public sealed record GetMyRegistrationQuery(string Token) : IRequest<MyRegistrationView>;

public sealed class GetMyRegistrationHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetMyRegistrationQuery, MyRegistrationView>
{
    public async Task<MyRegistrationView> Handle(GetMyRegistrationQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, request.Token, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        return new MyRegistrationView(mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate),
            registration.Name, registration.Email, registration.Organisation, registration.Sector, registration.Role, registration.Dietary,
            registration.Accessibility, registration.ConsentPhotos, registration.ConsentListing, registration.Status,
            await RegistrationPlaces.WaitlistPositionAsync(db, registration, cancellationToken), registration.JobTitle, registration.Phone,
            registration.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined)
                && clock.GetUtcNow().UtcDateTime < (mission.RegistrationClosesAt ?? mission.UtcWindow().From),
            Local(registration.ArrivalAt, mission), registration.ArrivalBy, Local(registration.DepartureAt, mission), registration.DepartureBy,
            registration.AccommodationNeeded, registration.EmergencyContact)
        {
            MissionId = mission.Id,
            Bio = registration.Bio,
            Answers = RegistrationIntake.ReadAnswers(registration.Answers),
            IdDetailsOnFile = registration.IdDetails is not null,
            DecisionMessage = registration.DecisionMessage,
            HasVisits = await db.Visits.AnyAsync(v => v.MissionId == mission.Id && !v.Cancelled, cancellationToken),
        };
    }

    private static DateTime? Local(DateTime? utc, Mission mission) => utc is { } u ? MissionTime.ToLocal(u, mission.TimeZone) : null;
}

/// <summary>The participant cancels; their place goes to the first person waiting, who is emailed.</summary>
public sealed record CancelMyRegistrationCommand(string Token) : IRequest<Unit>;

public sealed class CancelMyRegistrationHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, TimeProvider clock)
    : IRequestHandler<CancelMyRegistrationCommand, Unit>
{
    public async Task<Unit> Handle(CancelMyRegistrationCommand request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, request.Token, cancellationToken, tracked: true);
        await RegistrationCancellation.CancelAsync(db, outbox, links, registration, "participant", clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>An organiser cancels someone's registration (with the same promotion of the next in line).</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelRegistrationCommand(Guid MissionId, Guid RegistrationId) : IRequest<Unit>, IMissionRequest;

public sealed class CancelRegistrationHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, TimeProvider clock, CurrentUser user)
    : IRequestHandler<CancelRegistrationCommand, Unit>
{
    public async Task<Unit> Handle(CancelRegistrationCommand request, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new NotFoundException("Registration");
        await RegistrationCancellation.CancelAsync(db, outbox, links, registration, user.IsSystem ? "system" : $"organiser {user.OrganiserId}",
            clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Unit.Value;
    }
}

internal static class RegistrationCancellation
{
    public static async Task CancelAsync(AppDbContext db, OutboxWriter outbox, PublicLinks links, Domain.Registrations.Registration registration,
        string actor, DateTime now, CancellationToken ct)
    {
        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, ct);
        await using var transaction = await WriteTransaction.BeginAsync(db, ct);
        registration.Cancel(now);
        db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, "cancelled", actor, null, now));
        // Their places on visits go back to the schedule (the next publication takes them out of the groups).
        var places = await db.VisitAssignments.Where(a => a.RegistrationId == registration.Id).ToListAsync(ct);
        if (places.Count > 0)
        {
            db.VisitAssignments.RemoveRange(places);
            (await Visits.VisitPlans.GetAsync(db, mission.Id, ct)).Changed();
        }

        // Saved before promoting, so the person leaving is no longer "waiting" for the query below.
        await db.SaveChangesAsync(ct);
        // No link in a cancellation: the personal link keeps working and shows the cancelled registration.
        await outbox.EnqueueAsync("registration-status", registration.Email, registration.Name,
            RegistrationPlaces.Email(mission, registration, null, 0), mission.Id, null, ct);
        var promoted = await RegistrationPlaces.PromoteAsync(db, mission.Id, wasConfirmed, now, ct);
        foreach (var next in promoted)
        {
            await RegistrationPlaces.EnqueueStatusAsync(db, outbox, mission, next, links.Registration(next.IssueToken()), 0, null, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}

internal static class RegistrationTokens
{
    public static async Task<Domain.Registrations.Registration> FindAsync(AppDbContext db, string token, CancellationToken ct, bool tracked = false)
    {
        var hash = SecretToken.HashPresented(token) ?? throw new NotFoundException("Registration");
        var query = tracked ? db.Registrations : db.Registrations.AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.TokenHash == hash, ct) ?? throw new NotFoundException("Registration");
    }
}

/// <summary>
/// The participant corrects their own answers through their link, until registration closes
/// (or the mission starts when there is no deadline). Their place is not affected.
/// </summary>
public sealed record UpdateMyRegistrationCommand(string Token, RegistrationDetails Details) : IRequest<Unit>;

public sealed class UpdateMyRegistrationValidator : AbstractValidator<UpdateMyRegistrationCommand>
{
    public UpdateMyRegistrationValidator() => RuleFor(x => x.Details).NotNull();
}

public sealed class UpdateMyRegistrationHandler(AppDbContext db, PersonalDataProtector protector, TimeProvider clock) : IRequestHandler<UpdateMyRegistrationCommand, Unit>
{
    public async Task<Unit> Handle(UpdateMyRegistrationCommand request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, request.Token, cancellationToken, tracked: true);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var closes = mission.RegistrationClosesAt ?? mission.UtcWindow().From;
        if (now >= closes)
        {
            throw new DomainException("Status", "Changes are closed; please contact the organisers.");
        }

        if (registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
        {
            throw new DomainException("Status", $"This registration is {registration.Status.ToString().ToLowerInvariant()}.");
        }

        var form = (await RegistrationIntake.LoadAsync(db, mission.Id, null, cancellationToken))!;
        var (answers, idDetails) = RegistrationIntake.Check(form, request.Details, protector, registration.IdDetails);
        RegistrationIntake.Apply(registration, request.Details, mission, answers, idDetails, now);
        db.RegistrationAudits.Add(new RegistrationAudit(registration.MissionId, registration.Id, "updated", "participant", null, now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
