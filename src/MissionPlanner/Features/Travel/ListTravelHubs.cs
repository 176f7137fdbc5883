using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Travel;

/// <summary>The mission's airports, stations and ports, by name, with how many legs use each.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListTravelHubsQuery(Guid MissionId) : IRequest<IReadOnlyList<TravelHubView>>, IMissionRequest;

public sealed class ListTravelHubsHandler(AppDbContext db) : IRequestHandler<ListTravelHubsQuery, IReadOnlyList<TravelHubView>>
{
    public async Task<IReadOnlyList<TravelHubView>> Handle(ListTravelHubsQuery request, CancellationToken cancellationToken)
    {
        var hubs = await db.TravelHubs.AsNoTracking().Where(h => h.MissionId == request.MissionId).OrderBy(h => h.Name).ToListAsync(cancellationToken);
        // Legs of people still in the delegation: those are what keeps a place from being removed.
        var used = await db.TravelLegs.AsNoTracking().Where(l => l.MissionId == request.MissionId
                && db.Registrations.Any(r => r.Id == l.RegistrationId && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined && r.ErasedAt == null)).GroupBy(l => l.HubId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return hubs.Select(h => TravelHubView.Of(h, used.GetValueOrDefault(h.Id))).ToList();
    }
}
