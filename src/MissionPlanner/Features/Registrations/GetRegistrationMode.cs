using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>How people get a place: by invitation only, open, or subject to the organisers' approval.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetRegistrationModeQuery(Guid MissionId) : IRequest<RegistrationMode>, IMissionRequest;

public sealed class GetRegistrationModeHandler(AppDbContext db) : IRequestHandler<GetRegistrationModeQuery, RegistrationMode>
{
    public async Task<RegistrationMode> Handle(GetRegistrationModeQuery request, CancellationToken cancellationToken) =>
        await db.Missions.AsNoTracking().Where(m => m.Id == request.MissionId).Select(m => (RegistrationMode?)m.RegistrationMode)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Mission");
}
