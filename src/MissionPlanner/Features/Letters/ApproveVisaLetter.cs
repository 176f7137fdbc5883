using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Letters;

/// <summary>
/// Approves a requested letter after reviewing it: the letter as it reads now (template and ID details) is kept and is
/// what the letter job prints and emails to the delegate. <c>Version</c> is the letter's version the organiser read (409
/// when the delegate asked again since) and <c>Fingerprint</c> the letter's as previewed (400 on "Fingerprint" when the
/// delegate's details or the template changed since). Refused while the template has no letterhead or signatory, while the delegate's
/// ID details are incomplete (naming what is missing), or when the letter is not waiting.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ApproveVisaLetterCommand(int? Version, string? Fingerprint) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid LetterId { get; init; }
}

public sealed class ApproveVisaLetterValidator : AbstractValidator<ApproveVisaLetterCommand>
{
    public ApproveVisaLetterValidator()
    {
        RuleFor(x => x.Version).NotNull();
        RuleFor(x => x.Fingerprint).NotEmpty().WithMessage("Give the fingerprint of the letter as read (GET letters: fingerprint).");
    }
}

public sealed class ApproveVisaLetterHandler(AppDbContext db, PersonalDataProtector protector, CurrentUser user, TimeProvider clock)
    : IRequestHandler<ApproveVisaLetterCommand, Unit>
{
    public async Task<Unit> Handle(ApproveVisaLetterCommand request, CancellationToken cancellationToken)
    {
        var letter = await Letters.LetterAsync(db, request.MissionId, request.LetterId, cancellationToken);
        var person = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == letter.RegistrationId, cancellationToken);
        if (person.Status != RegistrationStatus.Confirmed || person.ErasedAt is not null)
        {
            throw new DomainException("Status", $"{person.Name} is not a confirmed delegate any more.");
        }

        letter.EnsureWaiting();
        db.ExpectVersion(letter, request.Version!.Value);
        var details = RegistrationIntake.ReadIdDetails(person.IdDetails, protector);
        var missing = Letters.Missing(details);
        if (missing.Count > 0)
        {
            throw new DomainException("IdDetails", $"{person.Name}'s {string.Join(", ", missing)} are missing: they give them on their letter page.");
        }

        var mission = await db.MissionAsync(letter.MissionId, cancellationToken);
        var template = await Letters.TemplateAsync(db, mission.Id, cancellationToken);
        if (template.Letterhead.Length == 0 || template.SignatoryName.Length == 0)
        {
            throw new DomainException("Template", "Set the letter's letterhead and signatory first (The letter, below the requests).");
        }

        var filled = template.Fill(await Letters.ValuesAsync(db, mission, person, details!, cancellationToken));
        if (Letters.Fingerprint(template, filled) != request.Fingerprint)
        {
            throw new DomainException("Fingerprint", "The letter changed since you read it (the delegate's details or the template): read it again before approving.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var by = await Letters.ActorAsync(db, user, cancellationToken);
        letter.Approve(by, Letters.Html(template, mission, filled, now), now);
        db.RegistrationAudits.Add(new RegistrationAudit(letter.MissionId, person.Id, "letter approved", by, letter.Purpose, now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
