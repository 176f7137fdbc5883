using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Letters;

/// <summary>The mission's visa and support letter template (the default wording until organisers change it).</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record GetLetterTemplateQuery(Guid MissionId) : IRequest<LetterTemplateView>, IMissionRequest;

public sealed class GetLetterTemplateHandler(AppDbContext db) : IRequestHandler<GetLetterTemplateQuery, LetterTemplateView>
{
    public async Task<LetterTemplateView> Handle(GetLetterTemplateQuery request, CancellationToken cancellationToken)
    {
        await db.MissionAsync(request.MissionId, cancellationToken);
        return Letters.View(await Letters.TemplateAsync(db, request.MissionId, cancellationToken));
    }
}
