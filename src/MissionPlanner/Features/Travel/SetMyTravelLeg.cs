using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// A confirmed delegate gives their own arrival or departure through their personal link, with the same rules as an
/// organiser's (<see cref="SetTravelLegCommand"/>). A change after the mission's registration deadline is emailed
/// to the mission's organisers: by then transfers and rooms are being arranged from the manifest.
/// </summary>
public sealed record SetMyTravelLegCommand(
    string Token, LegDirection Direction, LegMode? Mode, string? Carrier, string? Number, Guid? HubId, string? OtherEnd, DateTime? ScheduledLocal,
    bool? ShareMobile = false) : IRequest<Unit>, ITravelLegFields;

public sealed class SetMyTravelLegValidator : TravelLegValidator<SetMyTravelLegCommand>;

public sealed class SetMyTravelLegHandler(AppDbContext db, PersonalLinks links, OutboxWriter outbox, TimeProvider clock) : IRequestHandler<SetMyTravelLegCommand, Unit>
{
    public async Task<Unit> Handle(SetMyTravelLegCommand request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, links, request.Token, cancellationToken);
        if (registration.Status != RegistrationStatus.Confirmed)
        {
            throw new DomainException("Registration", "Travel is given once your place is confirmed.");
        }

        var mission = await db.MissionAsync(registration.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var leg = await TravelRules.SetAsync(db, mission, registration.Id, request.Direction, request, null, now, cancellationToken);
        if (mission.RegistrationDeadline is { } deadline && MissionTime.LocalDate(now, mission.TimeZone) > deadline)
        {
            var hub = await db.TravelHubs.AsNoTracking().FirstAsync(h => h.Id == leg.HubId, cancellationToken);
            var when = MissionTime.ToLocal(leg.ScheduledAt, hub.TimeZone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
            foreach (var (email, name) in await db.OrganisersToEmailAsync(mission.Id, cancellationToken))
            {
                await outbox.EnqueueAsync("travel-changed", email, name,
                    new EmailModels.TravelChanged(name, registration.Name, mission.Title,
                        request.Direction == LegDirection.Arrival ? "arrival" : "departure", $"{leg.Mode.ToString().ToLowerInvariant()} {leg.Service}".Trim(), hub.Label, when),
                    mission.Id, null, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
