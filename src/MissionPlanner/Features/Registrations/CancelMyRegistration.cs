using MediatR;
using MissionPlanner.Data;
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
        await RegistrationCancellation.CancelAsync(db, outbox, registration, "participant", clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Unit.Value;
    }
}
