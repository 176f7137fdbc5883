using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

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
