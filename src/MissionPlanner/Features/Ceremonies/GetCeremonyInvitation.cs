using MediatR;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>What a signatory or dignitary sees behind their link: when, where, their part.</summary>
public sealed record GetCeremonyInvitationQuery(string Token) : IRequest<CeremonyInvitation>;

public sealed class GetCeremonyInvitationHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<GetCeremonyInvitationQuery, CeremonyInvitation>
{
    public async Task<CeremonyInvitation> Handle(GetCeremonyInvitationQuery request, CancellationToken cancellationToken)
    {
        var (person, ceremony) = await CeremonyTokens.FindAsync(db, links, request.Token, cancellationToken);
        var view = await CeremonyViews.BuildAsync(db, ceremony, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var position = view.SigningOrder.Select((p, i) => (p, i)).Where(x => x.p.Id == person.Id).Select(x => (int?)x.i + 1).FirstOrDefault();
        return new CeremonyInvitation(person.Name, Protocol.Words(person.Role), view.Title, view.MissionTitle, view.StartsLocal, view.EndsLocal, view.Venue,
            person.Confirmation, position, position is null ? null : SigningLine(view)?.StartsLocal, view.Agreements.Select(a => a.Title).ToList());
    }

    internal static LineView? SigningLine(CeremonyView view) => view.RunOfShow.FirstOrDefault(l => l.Title.StartsWith("Signing", StringComparison.OrdinalIgnoreCase));
}
