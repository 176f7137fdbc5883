using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Missions;

[RequiresRole(MissionRoleKind.Owner)]
public sealed record ChangeMissionStatusCommand(MissionStatus Status) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class ChangeMissionStatusValidator : AbstractValidator<ChangeMissionStatusCommand>
{
    public ChangeMissionStatusValidator() => RuleFor(x => x.Status).IsInEnum();
}

public sealed class ChangeMissionStatusHandler(AppDbContext db) : IRequestHandler<ChangeMissionStatusCommand, Unit>
{
    public async Task<Unit> Handle(ChangeMissionStatusCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken)
            ?? throw new NotFoundException("Mission");
        mission.MoveTo(request.Status);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
