using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.EmailTemplates;

/// <summary>The wording of one email for this mission: its own if it has one, else the default.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetMissionTemplateQuery(Guid MissionId, string Template) : IRequest<MissionTemplateDto>, IMissionRequest;

public sealed class GetMissionTemplateHandler(AppDbContext db) : IRequestHandler<GetMissionTemplateQuery, MissionTemplateDto>
{
    public async Task<MissionTemplateDto> Handle(GetMissionTemplateQuery request, CancellationToken cancellationToken)
    {
        if (!Messaging.EmailTemplates.Builtin.ContainsKey(request.Template))
        {
            throw new NotFoundException("Email template");
        }

        var custom = await db.EmailTemplateOverrides.AnyAsync(o => o.MissionId == request.MissionId && o.Template == request.Template, cancellationToken);
        return new MissionTemplateDto(request.Template,
            await Messaging.EmailTemplates.SourceAsync(db, request.Template, request.MissionId, cancellationToken), custom);
    }
}
