using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Registrations;

/// <summary>The participant's own registration, behind their personal link; any other token is "not found".</summary>
public sealed record GetMyRegistrationQuery(string Token) : IRequest<MyRegistrationView>;

public sealed class GetMyRegistrationHandler(AppDbContext db, PersonalLinks personalLinks, TimeProvider clock) : IRequestHandler<GetMyRegistrationQuery, MyRegistrationView>
{
    public async Task<MyRegistrationView> Handle(GetMyRegistrationQuery request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, personalLinks, request.Token, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        return new MyRegistrationView(mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate),
            registration.Name, registration.Email, registration.Organisation, registration.Sector, registration.Role, registration.Dietary,
            registration.Accessibility, registration.ConsentPhotos, registration.ConsentListing, registration.Status,
            await RegistrationPlaces.WaitlistPositionAsync(db, registration, cancellationToken), registration.JobTitle, registration.Phone,
            registration.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined)
                && clock.GetUtcNow().UtcDateTime < (mission.RegistrationClosesAt ?? mission.UtcWindow().From),
            Local(registration.ArrivalAt, mission), registration.ArrivalBy, Local(registration.DepartureAt, mission), registration.DepartureBy,
            registration.AccommodationNeeded, registration.EmergencyContact)
        {
            MissionId = mission.Id,
            Bio = registration.Bio,
            RoomSharing = registration.RoomSharing,
            MeetingTopics = registration.MeetingTopics,
            MeetingOffers = registration.MeetingOffers,
            MeetingSeeks = registration.MeetingSeeks,
            ShareProfile = registration.ShareProfile,
            Answers = RegistrationIntake.ReadAnswers(registration.Answers),
            IdDetailsOnFile = registration.IdDetails is not null,
            DecisionMessage = registration.DecisionMessage,
            HasVisits = await db.Visits.AnyAsync(v => v.MissionId == mission.Id && !v.Cancelled, cancellationToken),
            CanCancel = registration.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined)
                        && RegistrationCancellation.StillPossible(mission, clock.GetUtcNow().UtcDateTime),
        };
    }

    private static DateTime? Local(DateTime? utc, Mission mission) => utc is { } u ? MissionTime.ToLocal(u, mission.TimeZone) : null;
}
