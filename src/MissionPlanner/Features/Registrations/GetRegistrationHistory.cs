using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Registrations;

/// <summary>Every change to one registration, oldest first.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record GetRegistrationHistoryQuery(Guid MissionId, Guid RegistrationId) : IRequest<IReadOnlyList<AuditEntry>>, IMissionRequest;

public sealed class GetRegistrationHistoryHandler(AppDbContext db) : IRequestHandler<GetRegistrationHistoryQuery, IReadOnlyList<AuditEntry>>
{
    public async Task<IReadOnlyList<AuditEntry>> Handle(GetRegistrationHistoryQuery request, CancellationToken cancellationToken) =>
        await db.RegistrationAudits.AsNoTracking()
            .Where(a => a.MissionId == request.MissionId && a.RegistrationId == request.RegistrationId)
            .OrderBy(a => a.At)
            .Select(a => new AuditEntry(a.At, a.Action, a.Actor, a.Detail))
            .ToListAsync(cancellationToken);
}
