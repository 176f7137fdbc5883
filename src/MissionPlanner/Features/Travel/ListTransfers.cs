using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Travel;

/// <summary>The mission's transfer services with their runs, passengers and waits, who is left out, and warnings.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListTransfersQuery(Guid MissionId) : IRequest<IReadOnlyList<TransferServiceView>>, IMissionRequest;

public sealed class ListTransfersHandler(AppDbContext db) : IRequestHandler<ListTransfersQuery, IReadOnlyList<TransferServiceView>>
{
    public Task<IReadOnlyList<TransferServiceView>> Handle(ListTransfersQuery request, CancellationToken cancellationToken) =>
        Transfers.ViewsAsync(db, request.MissionId, cancellationToken);
}
