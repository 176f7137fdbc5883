using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.EmailTemplates;

/// <summary>
/// Renders a template (saved or as being edited) the way one real invitee would receive it; with
/// no invitee, against the template's sample. Errors name the part and placeholder.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record PreviewMissionTemplateQuery(Guid MissionId, string Template, EmailTemplateSource? Draft, Guid? InvitationId)
    : IRequest<RenderedEmail>, IMissionRequest;

public sealed class PreviewMissionTemplateHandler(AppDbContext db, PublicLinks links) : IRequestHandler<PreviewMissionTemplateQuery, RenderedEmail>
{
    public async Task<RenderedEmail> Handle(PreviewMissionTemplateQuery request, CancellationToken cancellationToken)
    {
        var source = request.Draft ?? await Messaging.EmailTemplates.SourceAsync(db, request.Template, request.MissionId, cancellationToken);
        return Messaging.EmailTemplates.Render(request.Template, source,
            await TemplateModels.ModelJsonAsync(db, links, request.MissionId, request.Template, request.InvitationId, cancellationToken));
    }
}
