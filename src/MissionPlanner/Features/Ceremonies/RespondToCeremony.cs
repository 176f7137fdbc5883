using MediatR;
using MissionPlanner.Data;

namespace MissionPlanner.Features.Ceremonies;

public sealed record RespondToCeremonyCommand(string Token, bool Attending) : IRequest<Unit>;

public sealed class RespondToCeremonyHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RespondToCeremonyCommand, Unit>
{
    public async Task<Unit> Handle(RespondToCeremonyCommand request, CancellationToken cancellationToken)
    {
        var (person, _) = await CeremonyTokens.FindAsync(db, request.Token, clock, cancellationToken, tracked: true);
        person.Respond(request.Attending, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
