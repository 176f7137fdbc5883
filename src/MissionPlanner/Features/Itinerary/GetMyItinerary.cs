using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Features.Itinerary;

/// <summary>The participant's own programme behind their personal link: items for everyone, their sector, or them.</summary>
public sealed record GetMyItineraryQuery(string Token) : IRequest<ItineraryView>;

public sealed class GetMyItineraryHandler(AppDbContext db, RegistrationLinkRule linkRule, CalendarLinks calendar) : IRequestHandler<GetMyItineraryQuery, ItineraryView>
{
    public async Task<ItineraryView> Handle(GetMyItineraryQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, request.Token, linkRule, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        return await Itineraries.ViewAsync(db, mission, registration, calendar, cancellationToken);
    }
}
