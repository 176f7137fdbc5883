using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Team;

public sealed record TeamMember(Guid OrganiserId, string Email, string DisplayName, MissionRoleKind Role);

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListTeamQuery(Guid MissionId) : IRequest<IReadOnlyList<TeamMember>>, IMissionRequest;

public sealed class ListTeamHandler(AppDbContext db) : IRequestHandler<ListTeamQuery, IReadOnlyList<TeamMember>>
{
    public async Task<IReadOnlyList<TeamMember>> Handle(ListTeamQuery request, CancellationToken cancellationToken) =>
        await (from r in db.MissionRoles.AsNoTracking()
               join o in db.Organisers on r.OrganiserId equals o.Id
               where r.MissionId == request.MissionId
               orderby o.Email
               select new TeamMember(o.Id, o.Email, o.DisplayName, r.Role))
            .ToListAsync(cancellationToken);
}

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

[RequiresRole(MissionRoleKind.Owner)]
public sealed record RemoveTeamMemberCommand(Guid MissionId, Guid OrganiserId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveTeamMemberHandler(AppDbContext db) : IRequestHandler<RemoveTeamMemberCommand, Unit>
{
    public async Task<Unit> Handle(RemoveTeamMemberCommand request, CancellationToken cancellationToken)
    {
        var role = await db.MissionRoles.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.OrganiserId == request.OrganiserId, cancellationToken)
            ?? throw new NotFoundException("Team member");
        if (role.Role == MissionRoleKind.Owner)
        {
            await TeamRules.EnsureAnotherOwnerAsync(db, request.MissionId, request.OrganiserId, cancellationToken);
        }

        db.MissionRoles.Remove(role);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class TeamRules
{
    public static async Task EnsureAnotherOwnerAsync(AppDbContext db, Guid missionId, Guid leaving, CancellationToken ct)
    {
        if (!await db.MissionRoles.AnyAsync(r => r.MissionId == missionId && r.OrganiserId != leaving && r.Role == MissionRoleKind.Owner, ct))
        {
            throw new DomainException("Role", "A mission needs at least one owner: make someone else owner first.");
        }
    }
}
