using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>What the public registration page shows; only for missions that take registrations from anyone.</summary>
public sealed record GetPublicMissionQuery(Guid MissionId) : IRequest<PublicMissionView>;

public sealed class GetPublicMissionHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetPublicMissionQuery, PublicMissionView>
{
    public async Task<PublicMissionView> Handle(GetPublicMissionQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken);
        if (mission is null || mission.RegistrationMode == RegistrationMode.InvitationOnly || mission.Status == MissionStatus.Draft)
        {
            throw new NotFoundException("Mission");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return new PublicMissionView(mission.Title, mission.Summary, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate),
            mission.RegistrationDeadline is { } d ? PublicLinks.Day(d) : null,
            mission.Status != MissionStatus.Open || mission.RegistrationClosesAt is { } closes && now >= closes);
    }
}
