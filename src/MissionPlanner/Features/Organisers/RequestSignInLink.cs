using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Organisers;

/// <summary>
/// Emails a one-time sign-in link to an organiser. The answer is the same whether or not the
/// address belongs to an organiser, so the form cannot be used to find out who has an account.
/// </summary>
public sealed record RequestSignInLinkCommand(string Email) : IRequest<Unit>;

public sealed class RequestSignInLinkValidator : AbstractValidator<RequestSignInLinkCommand>
{
    public RequestSignInLinkValidator() => RuleFor(x => x.Email).NotEmpty().MaximumLength(Organiser.EmailMax).ValidEmailAddress();
}

public sealed class RequestSignInLinkHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, TimeProvider clock)
    : IRequestHandler<RequestSignInLinkCommand, Unit>
{
    public async Task<Unit> Handle(RequestSignInLinkCommand request, CancellationToken cancellationToken)
    {
        var email = Organiser.NormaliseEmail(request.Email);
        var organiser = await db.Organisers.FirstOrDefaultAsync(o => o.Email == email && o.DisabledAt == null, cancellationToken);
        if (organiser is null)
        {
            return Unit.Value;
        }

        var token = SecretToken.Create("");
        db.SignInLinks.Add(new SignInLink(organiser.Id, SecretToken.Hash(token), clock.GetUtcNow().UtcDateTime));
        await outbox.EnqueueAsync("sign-in-link", organiser.Email, organiser.DisplayName,
            new EmailModels.SignInLink(organiser.DisplayName, links.SignIn(token), (int)SignInLink.Lifetime.TotalMinutes), null, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
