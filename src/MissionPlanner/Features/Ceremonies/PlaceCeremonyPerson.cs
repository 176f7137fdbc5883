using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>Changes someone's party, rank, tie-break and whether they speak.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record PlaceCeremonyPersonCommand(Guid? PartyId, int? Rank, int? TieBreak, bool Speaks) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }

    [JsonIgnore]
    public Guid PersonId { get; init; }
}

public sealed class PlaceCeremonyPersonHandler(AppDbContext db) : IRequestHandler<PlaceCeremonyPersonCommand, Unit>
{
    public async Task<Unit> Handle(PlaceCeremonyPersonCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var person = await db.CeremonyPeople.FirstOrDefaultAsync(p => p.CeremonyId == ceremony.Id && p.Id == request.PersonId, cancellationToken)
            ?? throw new NotFoundException("Person");
        if (request.PartyId is { } party && !await db.CeremonyParties.AnyAsync(p => p.CeremonyId == ceremony.Id && p.Id == party, cancellationToken))
        {
            throw new DomainException(nameof(request.PartyId), "Choose one of this ceremony's parties.");
        }

        person.Place(request.PartyId, request.Rank, request.TieBreak, request.Speaks);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
