using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

/// <summary>The participant cancels; their place goes to the first person waiting, who is emailed.</summary>
public sealed record CancelMyRegistrationCommand(string Token) : IRequest<Unit>;

public sealed class CancelMyRegistrationHandler(AppDbContext db, PersonalLinks personalLinks, OutboxWriter outbox, TimeProvider clock)
    : IRequestHandler<CancelMyRegistrationCommand, Unit>
{
    public async Task<Unit> Handle(CancelMyRegistrationCommand request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, personalLinks, request.Token, cancellationToken, tracked: true);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        if (!RegistrationCancellation.StillPossible(mission, clock.GetUtcNow().UtcDateTime))
        {
            throw new DomainException("Status", "The mission is over: there is nothing left to cancel.");
        }

        await RegistrationCancellation.CancelAsync(db, outbox, registration, RegistrationCancellation.Participant, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Unit.Value;
    }
}
