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
/// Approves a requested letter after reviewing it; the letter job then prints it and emails it to the delegate. Refused
/// while the delegate's ID details are incomplete (naming what is missing), or when the letter is not waiting.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ApproveVisaLetterCommand(Guid MissionId, Guid LetterId) : IRequest<Unit>, IMissionRequest;

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

        var missing = Letters.Missing(RegistrationIntake.ReadIdDetails(person.IdDetails, protector));
        if (missing.Count > 0)
        {
            throw new DomainException("IdDetails", $"{person.Name}'s {string.Join(", ", missing)} are missing: they give them on their letter page.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var by = await Letters.ActorAsync(db, user, cancellationToken);
        letter.Approve(by, now);
        db.RegistrationAudits.Add(new RegistrationAudit(letter.MissionId, person.Id, "letter approved", by, letter.Purpose, now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
