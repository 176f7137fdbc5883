using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Organisers;

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
