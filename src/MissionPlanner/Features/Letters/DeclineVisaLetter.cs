using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Letters;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Letters;

/// <summary>Declines a requested letter with a reason, which is emailed to the delegate (they may correct their details and ask again).</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeclineVisaLetterCommand(string? Reason) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid LetterId { get; init; }
}

public sealed class DeclineVisaLetterValidator : AbstractValidator<DeclineVisaLetterCommand>
{
    public DeclineVisaLetterValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(VisaLetter.ReasonMax);
}

public sealed class DeclineVisaLetterHandler(AppDbContext db, OutboxWriter outbox, PersonalLinks links, PublicLinks publicLinks, CurrentUser user, TimeProvider clock)
    : IRequestHandler<DeclineVisaLetterCommand, Unit>
{
    public async Task<Unit> Handle(DeclineVisaLetterCommand request, CancellationToken cancellationToken)
    {
        var letter = await Letters.LetterAsync(db, request.MissionId, request.LetterId, cancellationToken);
        var person = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == letter.RegistrationId, cancellationToken);
        var mission = await db.MissionAsync(letter.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = await Letters.ActorAsync(db, user, cancellationToken);
        letter.Decline(request.Reason!, by, now);
        db.RegistrationAudits.Add(new RegistrationAudit(letter.MissionId, person.Id, "letter declined", by, letter.DeclineReason, now));
        await outbox.EnqueueAsync("visa-letter", person.Email, person.Name,
            new EmailModels.VisaLetterDecision(person.Name, mission.Title, false, letter.DeclineReason, Letters.PageUrl(links, publicLinks, mission, person.Id)),
            mission.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
