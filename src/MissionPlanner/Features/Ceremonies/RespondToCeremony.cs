using MediatR;
using MissionPlanner.Data;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Ceremonies;

public sealed record RespondToCeremonyCommand(string Token, bool Attending) : IRequest<Unit>;

public sealed class RespondToCeremonyHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<RespondToCeremonyCommand, Unit>
{
    public async Task<Unit> Handle(RespondToCeremonyCommand request, CancellationToken cancellationToken)
    {
        var (person, _) = await CeremonyTokens.FindAsync(db, links, request.Token, cancellationToken, tracked: true);
        person.Respond(request.Attending, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
