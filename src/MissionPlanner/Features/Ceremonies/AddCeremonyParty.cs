using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddCeremonyPartyCommand(string Name) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }
}

public sealed class AddCeremonyPartyValidator : AbstractValidator<AddCeremonyPartyCommand>
{
    public AddCeremonyPartyValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
}

public sealed class AddCeremonyPartyHandler(AppDbContext db) : IRequestHandler<AddCeremonyPartyCommand, Guid>
{
    public async Task<Guid> Handle(AddCeremonyPartyCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        if (await db.CeremonyParties.AnyAsync(p => p.CeremonyId == ceremony.Id && p.Name == request.Name.Trim(), cancellationToken))
        {
            throw new DomainException(nameof(request.Name), $"'{request.Name.Trim()}' is a party already.");
        }

        var party = new CeremonyParty(ceremony.Id, request.Name);
        db.CeremonyParties.Add(party);
        await db.SaveChangesAsync(cancellationToken);
        return party.Id;
    }
}
