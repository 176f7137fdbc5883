using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Invitations;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListInvitationsQuery(Guid MissionId, InvitationStatus? Status = null) : IRequest<IReadOnlyList<InvitationDto>>, IMissionRequest;

public sealed class ListInvitationsHandler(AppDbContext db) : IRequestHandler<ListInvitationsQuery, IReadOnlyList<InvitationDto>>
{
    public async Task<IReadOnlyList<InvitationDto>> Handle(ListInvitationsQuery request, CancellationToken cancellationToken) =>
        await db.Invitations.AsNoTracking()
            .Where(i => i.MissionId == request.MissionId && (request.Status == null || i.Status == request.Status))
            .OrderBy(i => i.Name).ThenBy(i => i.Email)
            .Select(i => new InvitationDto(i.Id, i.Email, i.Name, i.Organisation, i.Status, i.CreatedAt, i.RespondedAt, i.RemindersSent, i.Batch))
            .ToListAsync(cancellationToken);
}
