using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Organisers;

/// <summary>
/// Creates an organiser (or finds the existing one) and hands out what they need to get in: an API
/// token and a one-time sign-in link. Sent by the operator's CLI, which acts as the system.
/// </summary>
public sealed record AddOrganiserCommand(string Email, string? DisplayName, bool GrantDemoMission = true)
    : IRequest<AddedOrganiser>;

public sealed record AddedOrganiser(Guid OrganiserId, bool Created, string ApiToken, string SignInToken, Guid? DemoMissionId);

public sealed class AddOrganiserValidator : AbstractValidator<AddOrganiserCommand>
{
    public AddOrganiserValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(Organiser.EmailMax).ValidEmailAddress();
        RuleFor(x => x.DisplayName).MaximumLength(200).SingleLine();
    }
}

public sealed class AddOrganiserHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<AddOrganiserCommand, AddedOrganiser>
{
    public async Task<AddedOrganiser> Handle(AddOrganiserCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var email = Organiser.NormaliseEmail(request.Email);
        var organiser = await db.Organisers.FirstOrDefaultAsync(o => o.Email == email, cancellationToken);
        var created = organiser is null;
        if (organiser is null)
        {
            organiser = new Organiser(email, request.DisplayName ?? email.Split('@')[0], now);
            db.Organisers.Add(organiser);
        }

        var apiToken = SecretToken.Create("mp_");
        db.ApiTokens.Add(new ApiToken(organiser.Id, "cli", SecretToken.Hash(apiToken), now));
        var signIn = SecretToken.Create("");
        db.SignInLinks.Add(new SignInLink(organiser.Id, SecretToken.Hash(signIn), now));

        // The demo mission is a sandbox: operators who add themselves can explore it straight away.
        Guid? demoId = null;
        if (request.GrantDemoMission)
        {
            demoId = await db.Missions.Where(m => m.IsDemo).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (demoId is { } id && !await db.MissionRoles.AnyAsync(r => r.MissionId == id && r.OrganiserId == organiser.Id, cancellationToken))
            {
                db.MissionRoles.Add(new MissionRole(id, organiser.Id, MissionRoleKind.Owner));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AddedOrganiser(organiser.Id, created, apiToken, signIn, demoId);
    }
}
