using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Organisers;

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
