using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

/// <summary>The people an item is for, when it is for chosen people.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListItemPeopleQuery(Guid MissionId, Guid ItemId) : IRequest<IReadOnlyList<Guid>>, IMissionRequest;

public sealed class ListItemPeopleHandler(AppDbContext db) : IRequestHandler<ListItemPeopleQuery, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(ListItemPeopleQuery request, CancellationToken cancellationToken) =>
        await db.ProgrammeItemPeople.Where(x => x.ProgrammeItemId == request.ItemId
                                                && db.ProgrammeItems.Any(p => p.Id == request.ItemId && p.MissionId == request.MissionId))
            .Select(x => x.RegistrationId).ToListAsync(cancellationToken);
}
