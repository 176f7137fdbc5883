using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Registrations;

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

public sealed class RegisterByInvitationHandler(AppDbContext db, PersonalLinks links, PersonalDataProtector protector, RegistrationBatcher batcher, TimeProvider clock)
    : IRequestHandler<RegisterByInvitationCommand, RegisterResult>
{
    public async Task<RegisterResult> Handle(RegisterByInvitationCommand request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, links, request.InvitationToken, cancellationToken);
        var form = await RegistrationIntake.LoadAsync(db, invitation.MissionId, invitation.Email, cancellationToken)
            ?? throw new NotFoundException("Invitation");
        return await new Registrar(protector, batcher, clock).RegisterAsync(form, invitation.Id, invitation.Email, request.Details, awaitApproval: false);
    }
}
