using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Organisers;

/// <summary>Revokes one of the caller's own API tokens by its value.</summary>
public sealed record RevokeApiTokenCommand(string Token) : IRequest<bool>;

public sealed class RevokeApiTokenHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RevokeApiTokenCommand, bool>
{
    public async Task<bool> Handle(RevokeApiTokenCommand request, CancellationToken cancellationToken)
    {
        var hash = SecretToken.HashPresented(request.Token);
        var token = hash is null ? null : await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
