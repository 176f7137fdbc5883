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
        RuleFor(x => x).NotEmpty().ValidEmailAddress().OverridePropertyName("Email");
}

public sealed class RegisterOpenHandler(AppDbContext db, PersonalDataProtector protector, RegistrationBatcher batcher, TimeProvider clock)
    : IRequestHandler<RegisterOpenCommand, RegisterResult>
{
    private static readonly OpenRegistrationEmail EmailRule = new();

    public async Task<RegisterResult> Handle(RegisterOpenCommand request, CancellationToken cancellationToken)
    {
        var email = Domain.Organisers.Organiser.NormaliseEmail(request.Email ?? "");
        var form = await RegistrationIntake.LoadAsync(db, request.MissionId, email, cancellationToken);
        if (form is null || form.Mission.RegistrationMode == RegistrationMode.InvitationOnly)
        {
            throw new NotFoundException("Mission");
        }

        var result = await new Registrar(protector, batcher, clock).RegisterAsync(form, null, email, request.Details,
            awaitApproval: form.Mission.RegistrationMode == RegistrationMode.ApprovalRequired, EmailRule.Validate(request.Email ?? "").Errors);
        return result with { Token = null };
    }
}

public sealed class RegisterByInvitationHandler(AppDbContext db, PersonalDataProtector protector, RegistrationBatcher batcher, TimeProvider clock)
    : IRequestHandler<RegisterByInvitationCommand, RegisterResult>
{
    public async Task<RegisterResult> Handle(RegisterByInvitationCommand request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, request.InvitationToken, clock, cancellationToken);
        var form = await RegistrationIntake.LoadAsync(db, invitation.MissionId, invitation.Email, cancellationToken)
            ?? throw new NotFoundException("Invitation");
        return await new Registrar(protector, batcher, clock).RegisterAsync(form, invitation.Id, invitation.Email, request.Details, awaitApproval: false);
    }
}

/// <summary>
/// One registration, however the person came: checked here (no lock needed), then placed with the
/// others arriving at the same moment by the <see cref="RegistrationBatcher"/>.
/// </summary>
internal sealed class Registrar(PersonalDataProtector protector, RegistrationBatcher batcher, TimeProvider clock)
{
    public Task<RegisterResult> RegisterAsync(FormSpec form, Guid? invitationId, string email, RegistrationDetails details, bool awaitApproval,
        IReadOnlyList<FluentValidation.Results.ValidationFailure>? emailErrors = null)
    {
        var mission = form.Mission;
        if (mission.RegistrationClosesAt is { } closes && clock.GetUtcNow().UtcDateTime >= closes || mission.Status != MissionStatus.Open)
        {
            throw new DomainException("Status", "Registration for this mission is closed.");
        }

        // Registered already: the batcher sends their link again, whatever was typed this time.
        var (answers, idDetails) = form.AlreadyRegistered && emailErrors is not { Count: > 0 }
            ? ("{}", null)
            : RegistrationIntake.Check(form, details, protector, null, emailErrors);
        return batcher.SubmitAsync(new RegistrationSubmission(mission, invitationId, email, details, answers, idDetails, awaitApproval));
    }
}
