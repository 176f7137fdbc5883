using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetCounterpartQuery(Guid MissionId, Guid CounterpartId) : IRequest<CounterpartDto>, IMissionRequest;

public sealed class GetCounterpartHandler(AppDbContext db) : IRequestHandler<GetCounterpartQuery, CounterpartDto>
{
    public async Task<CounterpartDto> Handle(GetCounterpartQuery request, CancellationToken cancellationToken) =>
        CounterpartDto.From(await Counterparts.FindAsync(db, request.MissionId, request.CounterpartId, cancellationToken, tracked: false));
}
