using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>
/// Adds someone to the ceremony. A signatory must be a participant registered for the mission (their
/// name and organisation come from the registration); dignitaries and others may come from outside.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddCeremonyPersonCommand(CeremonyRole Role, string? Name, string? Title, string? Organisation, string? Email)
    : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }

    public Guid? RegistrationId { get; init; }
    public Guid? PartyId { get; init; }
    public int? Rank { get; init; }
    public int? TieBreak { get; init; }
    public bool Speaks { get; init; }
}

public sealed class AddCeremonyPersonValidator : AbstractValidator<AddCeremonyPersonCommand>
{
    public AddCeremonyPersonValidator()
    {
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.Name).NotEmpty().When(x => x.RegistrationId is null).MaximumLength(200).SingleLine();
        RuleFor(x => x.Organisation).NotEmpty().When(x => x.RegistrationId is null).MaximumLength(200);
        RuleFor(x => x.Title).MaximumLength(200);
        RuleFor(x => x.Email).ValidEmailAddress();
        RuleFor(x => x.RegistrationId).NotNull().When(x => x.Role == CeremonyRole.Signatory)
            .WithMessage("A signatory must be a participant registered for the mission: choose their registration.");
    }
}

public sealed class AddCeremonyPersonHandler(AppDbContext db) : IRequestHandler<AddCeremonyPersonCommand, Guid>
{
    public async Task<Guid> Handle(AddCeremonyPersonCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var (name, organisation, email) = (request.Name ?? "", request.Organisation ?? "", request.Email);
        if (request.RegistrationId is { } registrationId)
        {
            var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.MissionId == request.MissionId
                && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined && r.ErasedAt == null, cancellationToken)
                ?? throw new DomainException(nameof(request.RegistrationId), "That person is not registered for this mission (or cancelled): signatories must be.");
            if (await db.CeremonyPeople.AnyAsync(p => p.CeremonyId == ceremony.Id && p.RegistrationId == registrationId, cancellationToken))
            {
                throw new DomainException(nameof(request.RegistrationId), $"{registration.Name} is in this ceremony already.");
            }

            (name, organisation, email) = (registration.Name, registration.Organisation, email ?? registration.Email);
        }

        if (request.PartyId is { } party && !await db.CeremonyParties.AnyAsync(p => p.CeremonyId == ceremony.Id && p.Id == party, cancellationToken))
        {
            throw new DomainException(nameof(request.PartyId), "Choose one of this ceremony's parties.");
        }

        var person = new CeremonyPerson(ceremony.Id, request.Role, name, request.Title, organisation, email, request.RegistrationId);
        person.Place(request.PartyId, request.Rank, request.TieBreak, request.Speaks);
        db.CeremonyPeople.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }
}
