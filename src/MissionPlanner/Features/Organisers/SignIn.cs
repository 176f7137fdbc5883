using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Organisers;

public sealed record SignedInOrganiser(Guid OrganiserId, string Email, string DisplayName);

/// <summary>Uses a one-time sign-in link. A wrong, used or expired token gives null, with no hint which.</summary>
public sealed record RedeemSignInLinkCommand(string Token) : IRequest<SignedInOrganiser?>;

public sealed class RedeemSignInLinkHandler(AppDbContext db, TimeProvider clock)
    : IRequestHandler<RedeemSignInLinkCommand, SignedInOrganiser?>
{
    public async Task<SignedInOrganiser?> Handle(RedeemSignInLinkCommand request, CancellationToken cancellationToken)
    {
        if (SecretToken.HashPresented(request.Token) is not { } hash)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var link = await db.SignInLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || !link.IsUsable(now))
        {
            return null;
        }

        // Mark used with a conditional update so two simultaneous clicks cannot both sign in.
        var claimed = await db.SignInLinks
            .Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return null;
        }

        return await db.Organisers.AsNoTracking()
            .Where(o => o.Id == link.OrganiserId && o.DisabledAt == null)
            .Select(o => new SignedInOrganiser(o.Id, o.Email, o.DisplayName))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>Finds the organiser behind an API token; revoked or unknown tokens give null.</summary>
public sealed record AuthenticateApiTokenQuery(string Token) : IRequest<SignedInOrganiser?>;

public sealed class AuthenticateApiTokenHandler(AppDbContext db) : IRequestHandler<AuthenticateApiTokenQuery, SignedInOrganiser?>
{
    public async Task<SignedInOrganiser?> Handle(AuthenticateApiTokenQuery request, CancellationToken cancellationToken)
    {
        if (SecretToken.HashPresented(request.Token) is not { } hash)
        {
            return null;
        }

        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Organisers.Where(o => o.DisabledAt == null), t => t.OrganiserId, o => o.Id,
                (t, o) => new SignedInOrganiser(o.Id, o.Email, o.DisplayName))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

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
