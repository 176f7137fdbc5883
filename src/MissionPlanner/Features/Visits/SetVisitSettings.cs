using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Visits;

/// <summary>When participants must have ranked the visits (mission time), and how many visits each gets.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetVisitSettingsCommand(DateTime? PreferencesDeadline, int VisitsPerParticipant) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetVisitSettingsHandler(AppDbContext db) : IRequestHandler<SetVisitSettingsCommand, Unit>
{
    public async Task<Unit> Handle(SetVisitSettingsCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var plan = await VisitPlans.GetAsync(db, request.MissionId, cancellationToken);
        var deadline = request.PreferencesDeadline is { } local ? MissionTime.FromTyped(local, mission.TimeZone, nameof(request.PreferencesDeadline)) : (DateTime?)null;
        if (deadline > mission.UtcWindow().From)
        {
            throw new DomainException(nameof(SetVisitSettingsCommand.PreferencesDeadline), "The deadline for preferences must be before the mission starts.");
        }

        plan.Configure(deadline, request.VisitsPerParticipant);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
