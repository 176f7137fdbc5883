using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Team;

/// <summary>
/// Gives a colleague a role on the mission, or changes it. An email without an account gets one,
/// so that they can sign in by link. A mission always keeps at least one owner.
/// </summary>
[RequiresRole(MissionRoleKind.Owner)]
public sealed record SetTeamRoleCommand(string Email, MissionRoleKind Role) : IRequest<TeamMember>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetTeamRoleValidator : AbstractValidator<SetTeamRoleCommand>
{
    public SetTeamRoleValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(Organiser.EmailMax).ValidEmailAddress();
        RuleFor(x => x.Role).IsInEnum();
    }
}

public sealed class SetTeamRoleHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<SetTeamRoleCommand, TeamMember>
{
    public async Task<TeamMember> Handle(SetTeamRoleCommand request, CancellationToken cancellationToken)
    {
        var email = Organiser.NormaliseEmail(request.Email);
        var organiser = await db.Organisers.FirstOrDefaultAsync(o => o.Email == email, cancellationToken);
        if (organiser is null)
        {
            organiser = new Organiser(email, email.Split('@')[0], clock.GetUtcNow().UtcDateTime);
            db.Organisers.Add(organiser);
        }

        var role = await db.MissionRoles.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.OrganiserId == organiser.Id, cancellationToken);
        if (role is null)
        {
            db.MissionRoles.Add(new MissionRole(request.MissionId, organiser.Id, request.Role));
        }
        else
        {
            if (role.Role == MissionRoleKind.Owner && request.Role != MissionRoleKind.Owner)
            {
                await TeamRules.EnsureAnotherOwnerAsync(db, request.MissionId, organiser.Id, cancellationToken);
            }

            role.Role = request.Role;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new TeamMember(organiser.Id, organiser.Email, organiser.DisplayName, request.Role);
    }
}
