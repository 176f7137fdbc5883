using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Travel;

/// <summary>A delegate's own arrival and departure, the places they can choose, and what in their programme falls outside their stay.</summary>
public sealed record MyTravel(string MissionTitle, string Name, DelegateTravel? Travel, IReadOnlyList<TravelHubView> Hubs, bool Confirmed);

/// <summary>The holder of a registration link's travel: only a confirmed delegate has arrivals and departures to give.</summary>
public sealed record GetMyTravelQuery(string Token) : IRequest<MyTravel>;

public sealed class GetMyTravelHandler(AppDbContext db, PersonalLinks links) : IRequestHandler<GetMyTravelQuery, MyTravel>
{
    public async Task<MyTravel> Handle(GetMyTravelQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, links, request.Token, cancellationToken);
        var mission = await db.MissionAsync(registration.MissionId, cancellationToken);
        var travel = (await TravelRules.DelegatesAsync(db, mission, registration.Id, cancellationToken)).FirstOrDefault();
        var hubs = await db.TravelHubs.AsNoTracking().Where(h => h.MissionId == mission.Id).OrderBy(h => h.Name).ToListAsync(cancellationToken);
        return new MyTravel(mission.Title, registration.Name, travel,
            hubs.Select(h => TravelHubView.Of(h, 0)).ToList(), travel is not null);
    }
}
