using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Features.CheckIn;

/// <summary>Which mission a scanned badge belongs to: the first step of the check-in page.</summary>
public sealed record ResolveBadgeQuery(string Token) : IRequest<Guid>, IOrganiserRequest;

public sealed class ResolveBadgeHandler(AppDbContext db, CheckInLinks links) : IRequestHandler<ResolveBadgeQuery, Guid>
{
    public async Task<Guid> Handle(ResolveBadgeQuery request, CancellationToken cancellationToken) =>
        links.Verify(request.Token) is { } id
        && await db.Registrations.Where(r => r.Id == id).Select(r => (Guid?)r.MissionId).FirstOrDefaultAsync(cancellationToken) is { } mission
            ? mission
            : throw new NotFoundException("Badge");
}
