using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Itinerary;

/// <summary>The participant's own programme behind their personal link: items for everyone, their sector, or them.</summary>
public sealed record GetMyItineraryQuery(string Token) : IRequest<ItineraryView>;

public sealed class GetMyItineraryHandler(AppDbContext db, PersonalLinks personalLinks) : IRequestHandler<GetMyItineraryQuery, ItineraryView>
{
    public async Task<ItineraryView> Handle(GetMyItineraryQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, personalLinks, request.Token, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        return await Itineraries.ViewAsync(db, mission, registration, await personalLinks.CalendarUrlAsync(registration.Id, cancellationToken), cancellationToken);
    }
}
