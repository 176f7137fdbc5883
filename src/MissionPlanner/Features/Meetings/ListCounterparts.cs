using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListCounterpartsQuery(Guid MissionId, bool IncludeRemoved = false) : IRequest<IReadOnlyList<CounterpartDto>>, IMissionRequest;

public sealed class ListCounterpartsHandler(AppDbContext db) : IRequestHandler<ListCounterpartsQuery, IReadOnlyList<CounterpartDto>>
{
    public async Task<IReadOnlyList<CounterpartDto>> Handle(ListCounterpartsQuery request, CancellationToken cancellationToken) =>
        (await db.Counterparts.AsNoTracking()
            .Where(c => c.MissionId == request.MissionId && (request.IncludeRemoved || c.RemovedAt == null))
            .OrderBy(c => c.Organisation).ThenBy(c => c.Name).ToListAsync(cancellationToken))
        .Select(CounterpartDto.From).ToList();
}
