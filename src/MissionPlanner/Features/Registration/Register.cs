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

public interface IRegistrationFields
{
    string Name { get; }
    string? Phone { get; }
    string Organisation { get; }
    Sector Sector { get; }
    string? JobTitle { get; }
    DelegationRole Role { get; }
    string? Dietary { get; }
    string? Accessibility { get; }
    bool ConsentProcessing { get; }
    bool ConsentPhotos { get; }
    bool ConsentListing { get; }

    /// <summary>Mission-local arrival, e.g. the landing time of the flight.</summary>
    DateTime? ArrivalAt { get; }
    string? ArrivalBy { get; }
    DateTime? DepartureAt { get; }
    string? DepartureBy { get; }
    bool AccommodationNeeded { get; }
    string? EmergencyContact { get; }
}

public sealed class RegistrationFieldsValidator : AbstractValidator<IRegistrationFields>
{
    public RegistrationFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Domain.Registrations.Registration.NameMax);
        RuleFor(x => x.Phone).MaximumLength(40).Matches(@"^\+?[0-9 ()\-./]{6,40}$").When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage("Give a phone number with digits, spaces and an optional leading +, e.g. +31 6 1234 5678.");
        RuleFor(x => x.Organisation).NotEmpty().MaximumLength(Organisation.NameMax);
        RuleFor(x => x.Sector).IsInEnum();
        RuleFor(x => x.JobTitle).MaximumLength(200);
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.Dietary).MaximumLength(Domain.Registrations.Registration.TextMax);
        RuleFor(x => x.Accessibility).MaximumLength(Domain.Registrations.Registration.TextMax);
        RuleFor(x => x.ArrivalBy).MaximumLength(100);
        RuleFor(x => x.DepartureBy).MaximumLength(100);
        RuleFor(x => x.EmergencyContact).MaximumLength(200);
        RuleFor(x => x.DepartureAt).GreaterThan(x => x.ArrivalAt).When(x => x.ArrivalAt is not null && x.DepartureAt is not null)
            .WithMessage("Departure must be after arrival.");
        RuleFor(x => x.ConsentProcessing).Equal(true).WithMessage("We can only register you if you agree that we process your data for this mission.");
    }
}

public sealed record RegisterResult(RegistrationStatus Status, int WaitlistPosition, bool AlreadyRegistered, string? Token);

/// <summary>
/// Registers the person behind an invitation link. Confirmed while there is room, else waitlisted
/// in order of arrival; the registration, the place, the email with the personal link and the audit
/// entry commit together. Someone already registered is not registered twice: their personal link
/// goes again to their own address.
/// </summary>
public sealed record RegisterByInvitationCommand(
    string InvitationToken, string Name, string? Phone, string Organisation, Sector Sector, string? JobTitle, DelegationRole Role,
    string? Dietary, string? Accessibility, bool ConsentProcessing, bool ConsentPhotos, bool ConsentListing,
    DateTime? ArrivalAt = null, string? ArrivalBy = null, DateTime? DepartureAt = null, string? DepartureBy = null,
    bool AccommodationNeeded = false, string? EmergencyContact = null)
    : IRequest<RegisterResult>, IRegistrationFields;

public sealed class RegisterByInvitationValidator : AbstractValidator<RegisterByInvitationCommand>
{
    public RegisterByInvitationValidator() => Include(new RegistrationFieldsValidator());
}

public sealed class RegisterByInvitationHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, TimeProvider clock)
    : IRequestHandler<RegisterByInvitationCommand, RegisterResult>
{
    public async Task<RegisterResult> Handle(RegisterByInvitationCommand request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, request.InvitationToken, clock, cancellationToken, tracked: true);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == invitation.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (mission.RegistrationClosesAt is { } closes && now >= closes || mission.Status != MissionStatus.Open)
        {
            throw new DomainException("Status", "Registration for this mission is closed.");
        }

        var existing = await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == mission.Id && r.Email == invitation.Email, cancellationToken);
        if (existing is not null)
        {
            return await ResendLinkAsync(mission, existing, now, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (arrival, confirmed) = await RegistrationPlaces.TakeAsync(db, mission.Id, cancellationToken);
        var registration = new Domain.Registrations.Registration(mission.Id, invitation.Id, invitation.Email, arrival, now);
        registration.Fill(request.Name, request.Phone, request.Organisation, request.Sector, request.JobTitle, request.Role,
            request.Dietary, request.Accessibility, request.ConsentPhotos, request.ConsentListing, now);
        RegistrationTravel.Apply(registration, request, mission);
        registration.Place(confirmed);
        var token = registration.IssueToken();
        db.Registrations.Add(registration);
        invitation.Respond(accept: true, now);
        db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, "registered", "participant", registration.Status.ToString(), now));
        var position = await RegistrationPlaces.WaitlistPositionAsync(db, registration, cancellationToken);
        await outbox.EnqueueAsync("registration-status", registration.Email, registration.Name,
            RegistrationPlaces.Email(mission, registration, links.Registration(token), position), mission.Id, null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person registered a moment ago in another request (unique mission + email).
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var winner = await db.Registrations.FirstAsync(r => r.MissionId == mission.Id && r.Email == invitation.Email, cancellationToken);
            return await ResendLinkAsync(mission, winner, now, cancellationToken);
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

internal static class RegistrationTravel
{
    /// <summary>Typed in mission time; stored as instants like every other time.</summary>
    public static void Apply(Domain.Registrations.Registration registration, IRegistrationFields fields, Mission mission)
    {
        var zone = mission.TimeZone;
        registration.SetTravel(fields.ArrivalAt is { } a ? MissionTime.ToUtc(a, zone) : null, fields.ArrivalBy,
            fields.DepartureAt is { } d ? MissionTime.ToUtc(d, zone) : null, fields.DepartureBy, fields.AccommodationNeeded, fields.EmergencyContact);
    }
}
