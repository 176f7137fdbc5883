using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Letters;

/// <summary>
/// A confirmed delegate asks for a visa or support letter on their personal page, with its purpose. The letter needs
/// their nationality, passport number and date of birth: given here (stored encrypted, as the registration form does) or
/// already on file; a request without them is refused, naming each one missing. Asking again after a decline reopens the
/// request; once approved it cannot be changed here.
/// </summary>
public sealed record RequestMyVisaLetterCommand(string Token, string? Purpose, string? Nationality = null, string? IdNumber = null, DateOnly? DateOfBirth = null)
    : IRequest<Unit>;

public sealed class RequestMyVisaLetterValidator : AbstractValidator<RequestMyVisaLetterCommand>
{
    public RequestMyVisaLetterValidator()
    {
        RuleFor(x => x.Purpose).MaximumLength(VisaLetter.PurposeMax);
        // As the registration form's ID details (RegistrationDetailsValidator).
        RuleFor(x => x.Nationality).MaximumLength(100).SingleLine();
        RuleFor(x => x.IdNumber).Matches("^(?=.*[A-Za-z0-9])[A-Za-z0-9 -]{4,40}$").When(x => !string.IsNullOrWhiteSpace(x.IdNumber))
            .WithMessage("Give the passport number as printed: 4 to 40 letters, digits, spaces or hyphens.");
        RuleFor(x => x.DateOfBirth).InclusiveBetween(new DateOnly(1900, 1, 1), DateOnly.FromDateTime(DateTime.UtcNow))
            .When(x => x.DateOfBirth is not null).WithMessage("Give a date of birth between 1900 and today.");
    }
}

public sealed class RequestMyVisaLetterHandler(AppDbContext db, PersonalLinks links, PersonalDataProtector protector, TimeProvider clock)
    : IRequestHandler<RequestMyVisaLetterCommand, Unit>
{
    public async Task<Unit> Handle(RequestMyVisaLetterCommand request, CancellationToken cancellationToken)
    {
        var person = await RegistrationTokens.FindAsync(db, links, request.Token, cancellationToken, tracked: true);
        if (person.Status != RegistrationStatus.Confirmed)
        {
            throw new DomainException("Registration", "Letters are for confirmed delegates: ask once your place is confirmed.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var onFile = RegistrationIntake.ReadIdDetails(person.IdDetails, protector);
        var given = new IdDetails(request.Nationality?.Trim() is { Length: > 0 } n ? n : onFile?.Nationality ?? "",
            request.IdNumber?.Trim() is { Length: > 0 } i ? i : onFile?.IdNumber ?? "", request.DateOfBirth ?? onFile?.DateOfBirth ?? default);
        // Each missing detail is named beside its own field.
        var failures = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(given.Nationality))
        {
            failures.Add(new ValidationFailure("Nationality", "The letter needs your nationality."));
        }

        if (string.IsNullOrWhiteSpace(given.IdNumber))
        {
            failures.Add(new ValidationFailure("IdNumber", "The letter needs your passport number."));
        }

        if (given.DateOfBirth == default)
        {
            failures.Add(new ValidationFailure("DateOfBirth", "The letter needs your date of birth."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        if (given.DateOfBirth > DateOnly.FromDateTime(now) || given.DateOfBirth < DateOnly.FromDateTime(now).AddYears(-120))
        {
            throw new DomainException("DateOfBirth", "Give your date of birth as in your passport.");
        }

        if (given != onFile)
        {
            person.SetIdDetails(RegistrationIntake.ProtectIdDetails(given, protector), now);
        }

        var letter = await db.VisaLetters.FirstOrDefaultAsync(l => l.RegistrationId == person.Id, cancellationToken);
        if (letter is null)
        {
            letter = new VisaLetter(person.MissionId, person.Id);
            db.VisaLetters.Add(letter);
        }

        letter.Request(request.Purpose, now);
        db.RegistrationAudits.Add(new RegistrationAudit(person.MissionId, person.Id, "letter requested", "participant", letter.Purpose, now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
