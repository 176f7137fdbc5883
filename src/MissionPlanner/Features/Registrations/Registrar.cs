using FluentValidation;
using MissionPlanner.Common;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

public sealed record RegisterResult(RegistrationStatus Status, int WaitlistPosition, bool AlreadyRegistered, string? Token);

/// <summary>Checked with the rest of the form by the handler, so every error is reported at once.</summary>
internal sealed class OpenRegistrationEmail : AbstractValidator<string>
{
    public OpenRegistrationEmail() =>
        RuleFor(x => x).NotEmpty().ValidEmailAddress().OverridePropertyName("Email");
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
