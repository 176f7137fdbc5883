using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetCeremonyPdfQuery(Guid MissionId, Guid CeremonyId, CeremonyDocumentKind Kind) : IRequest<byte[]>, IMissionRequest;

public sealed class GetCeremonyPdfHandler(IMediator mediator, PdfRenderer renderer) : IRequestHandler<GetCeremonyPdfQuery, byte[]>
{
    public async Task<byte[]> Handle(GetCeremonyPdfQuery request, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetCeremonyQuery(request.MissionId, request.CeremonyId), cancellationToken);
        var html = CeremonyDocuments.Html(view, request.Kind);
        return await renderer.RenderAsync(html, new PdfLayout(Header: $"{view.Title} · {request.Kind switch
        {
            CeremonyDocumentKind.RunOfShow => "run of show",
            CeremonyDocumentKind.SeatingPlan => "seating plan",
            _ => "signatory briefings",
        }}"), cancellationToken);
    }
}
