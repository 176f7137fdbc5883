using MediatR;
using MissionPlanner.Documents;

namespace MissionPlanner.Features.Visits;

public sealed record GetVisitorListPdfQuery(string Token, Guid VisitId) : IRequest<byte[]>;

public sealed class GetVisitorListPdfHandler(IMediator mediator, PdfRenderer renderer) : IRequestHandler<GetVisitorListPdfQuery, byte[]>
{
    public async Task<byte[]> Handle(GetVisitorListPdfQuery request, CancellationToken cancellationToken)
    {
        var list = await mediator.Send(new GetVisitorListQuery(request.Token, request.VisitId), cancellationToken);
        return await renderer.RenderAsync(list.Html(), new PdfLayout(Header: $"{list.HostName} · {list.VisitTitle} · visitors"), cancellationToken);
    }
}
