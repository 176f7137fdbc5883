using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ConfigureCeremonyCommand(SeatingConvention Convention, string? RoleRanks, Guid? HostPartyId, int SeatsPerRow, int Version)
    : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }
}

public sealed class ConfigureCeremonyHandler(AppDbContext db) : IRequestHandler<ConfigureCeremonyCommand, Unit>
{
    public async Task<Unit> Handle(ConfigureCeremonyCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        db.ExpectVersion(ceremony, request.Version);
        if (request.HostPartyId is { } party && !await db.CeremonyParties.AnyAsync(p => p.CeremonyId == ceremony.Id && p.Id == party, cancellationToken))
        {
            throw new DomainException(nameof(request.HostPartyId), "Choose one of this ceremony's parties.");
        }

        ceremony.Configure(request.Convention, request.RoleRanks, request.HostPartyId, request.SeatsPerRow);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
