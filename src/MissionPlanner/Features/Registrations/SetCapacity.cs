using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Registrations;

/// <summary>Sets the delegation's capacity; extra places go straight to the people waiting, who are emailed.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetCapacityCommand(int? Capacity) : IRequest<int>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetCapacityValidator : AbstractValidator<SetCapacityCommand>
{
    public SetCapacityValidator() => RuleFor(x => x.Capacity).InclusiveBetween(1, 10_000);
}

public sealed class SetCapacityHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<SetCapacityCommand, int>
{
    public async Task<int> Handle(SetCapacityCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        await db.Missions.Where(m => m.Id == request.MissionId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Capacity, request.Capacity), cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        // Those promoted are emailed by EmailPromotedRegistrations as this saves.
        var promoted = await RegistrationPlaces.PromoteAsync(db, mission.Id, freedOne: false, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted.Count;
    }
}
