using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.EmailTemplates;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ResetMissionTemplateCommand(Guid MissionId, string Template) : IRequest<Unit>, IMissionRequest;

public sealed class ResetMissionTemplateHandler(AppDbContext db) : IRequestHandler<ResetMissionTemplateCommand, Unit>
{
    public async Task<Unit> Handle(ResetMissionTemplateCommand request, CancellationToken cancellationToken)
    {
        await db.EmailTemplateOverrides.Where(o => o.MissionId == request.MissionId && o.Template == request.Template)
            .ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
