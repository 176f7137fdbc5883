using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registration;

public sealed record RegisterResult(RegistrationStatus Status, int WaitlistPosition, bool AlreadyRegistered, string? Token);

/// <summary>
/// Registers the person behind an invitation link. Confirmed while there is room, else waitlisted
/// in order of arrival; the registration, the place, the email with the personal link and the audit
/// entry commit together. Someone already registered is not registered twice: their personal link
/// goes again to their own address. Invitees need no approval: the organisers chose them.
/// </summary>
public sealed record RegisterByInvitationCommand(string InvitationToken, RegistrationDetails Details) : IRequest<RegisterResult>;

public sealed class RegisterByInvitationValidator : AbstractValidator<RegisterByInvitationCommand>
{
    public RegisterByInvitationValidator() => RuleFor(x => x.Details).NotNull();
}

/// <summary>
/// Registers someone through the mission's public registration page, when registration is open
/// or subject to approval. Whatever happens, the answer is the same ("your link is in your
/// email"), so the page never tells who is registered; the link only reaches the address given.
/// </summary>
public sealed record RegisterOpenCommand(Guid MissionId, string Email, RegistrationDetails Details) : IRequest<RegisterResult>;

public sealed class RegisterOpenValidator : AbstractValidator<RegisterOpenCommand>
{
    public RegisterOpenValidator() => RuleFor(x => x.Details).NotNull();
}

/// <summary>Checked with the rest of the form by the handler, so every error is reported at once.</summary>
internal sealed class OpenRegistrationEmail : AbstractValidator<string>
{
    public OpenRegistrationEmail() =>
        RuleFor(x => x).NotEmpty().MaximumLength(Domain.Organisers.Organiser.EmailMax).EmailAddress()
            .Must(e => !e.Contains('\n') && !e.Contains('\r')).WithMessage("Give one email address, e.g. ann@tudelft.nl.")
            .OverridePropertyName("Email");
}

public sealed class RegisterOpenHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalDataProtector protector, TimeProvider clock)
    : IRequestHandler<RegisterOpenCommand, RegisterResult>
{
    public async Task<RegisterResult> Handle(RegisterOpenCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken);
        if (mission is null || mission.RegistrationMode == RegistrationMode.InvitationOnly)
        {
            throw new NotFoundException("Mission");
        }

        var emailErrors = new OpenRegistrationEmail().Validate(request.Email ?? "").Errors;
        var result = await new Registrar(db, outbox, links, protector, clock).RegisterAsync(mission, null, request.Email ?? "", request.Details,
            awaitApproval: mission.RegistrationMode == RegistrationMode.ApprovalRequired, cancellationToken, emailErrors);
        return result with { Token = null };
    }
}

public sealed class RegisterByInvitationHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalDataProtector protector, TimeProvider clock)
    : IRequestHandler<RegisterByInvitationCommand, RegisterResult>
{
    public async Task<RegisterResult> Handle(RegisterByInvitationCommand request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, request.InvitationToken, clock, cancellationToken, tracked: true);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == invitation.MissionId, cancellationToken);
        return await new Registrar(db, outbox, links, protector, clock).RegisterAsync(mission, invitation, invitation.Email, request.Details,
            awaitApproval: false, cancellationToken);
    }
}

/// <summary>One registration, however the person came: checked, placed, emailed and audited in one transaction.</summary>
internal sealed class Registrar(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<RegisterResult> RegisterAsync(Mission mission, Invitation? invitation, string email, RegistrationDetails details,
        bool awaitApproval, CancellationToken ct, IReadOnlyList<FluentValidation.Results.ValidationFailure>? emailErrors = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (mission.RegistrationClosesAt is { } closes && now >= closes || mission.Status != MissionStatus.Open)
        {
            throw new DomainException("Status", "Registration for this mission is closed.");
        }

        email = Domain.Organisers.Organiser.NormaliseEmail(email);
        var existing = emailErrors is { Count: > 0 } ? null : await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == mission.Id && r.Email == email, ct);
        if (existing is not null)
        {
            return await ResendLinkAsync(mission, existing, now, ct);
        }

        var (answers, idDetails) = await RegistrationIntake.CheckAsync(db, mission.Id, details, protector, null, ct, emailErrors);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var arrival = await RegistrationPlaces.NextArrivalAsync(db, mission.Id, ct);
        var registration = new Domain.Registrations.Registration(mission.Id, invitation?.Id, email, arrival, now);
        RegistrationIntake.Apply(registration, details, mission, answers, idDetails, now);
        if (awaitApproval)
        {
            registration.AwaitApproval();
        }
        else
        {
            registration.Place(await RegistrationPlaces.TryConfirmAsync(db, mission.Id, ct));
        }

        var token = registration.IssueToken();
        db.Registrations.Add(registration);
        invitation?.Respond(accept: true, now);
        db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, "registered", "participant", registration.Status.ToString(), now));
        var position = await RegistrationPlaces.WaitlistPositionAsync(db, registration, ct);
        await outbox.EnqueueAsync("registration-status", registration.Email, registration.Name,
            RegistrationPlaces.Email(mission, registration, links.Registration(token), position), mission.Id, null, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person registered a moment ago in another request (unique mission + email).
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var winner = await db.Registrations.FirstAsync(r => r.MissionId == mission.Id && r.Email == email, ct);
            return await ResendLinkAsync(mission, winner, now, ct);
        }

        return new RegisterResult(registration.Status, position, false, token);
    }

    private async Task<RegisterResult> ResendLinkAsync(Mission mission, Domain.Registrations.Registration existing, DateTime now, CancellationToken ct)
    {
        var token = existing.IssueToken();
        var position = await RegistrationPlaces.WaitlistPositionAsync(db, existing, ct);
        await outbox.EnqueueAsync("registration-status", existing.Email, existing.Name,
            RegistrationPlaces.Email(mission, existing, links.Registration(token), position), mission.Id, null, ct);
        db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, existing.Id, "link-resent", "participant", "Registered again with the same email.", now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A simultaneous attempt already sent the person a fresh link; one is enough.
            db.ChangeTracker.Clear();
        }

        return new RegisterResult(existing.Status, position, true, null);
    }
}
