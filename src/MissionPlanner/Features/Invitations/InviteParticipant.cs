using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Invitations;

/// <summary>Invites one person: the invitation and its email commit together.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record InviteParticipantCommand(string Email, string Name, string? Organisation, string? Message)
    : IRequest<InvitationDto>, IMissionRequest, IInviteeFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class InviteParticipantValidator : AbstractValidator<InviteParticipantCommand>
{
    public InviteParticipantValidator()
    {
        Include(new InviteeValidator());
        RuleFor(x => x.Message).MaximumLength(2000);
    }
}

public sealed class InviteParticipantHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock)
    : IRequestHandler<InviteParticipantCommand, InvitationDto>
{
    public async Task<InvitationDto> Handle(InviteParticipantCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        InvitationEmails.EnsureCanInvite(mission);
        var email = Organiser.NormaliseEmail(request.Email);
        var existing = await db.Invitations.AsNoTracking()
            .Where(i => i.MissionId == mission.Id && i.Email == email)
            .Select(i => new { i.CreatedAt, i.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new DomainException(nameof(request.Email),
                $"{email} was already invited on {existing.CreatedAt:yyyy-MM-dd} ({existing.Status}). Resend that invitation instead.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new Invitation(mission.Id, email, request.Name, request.Organisation, null, now);
        var token = personalLinks.IssueFirst(mission, LinkPurpose.Invitation, invitation.Id);
        db.Invitations.Add(invitation);
        await outbox.EnqueueAsync("invitation", invitation.Email, invitation.Name,
            InvitationEmails.Model(mission, invitation, links.Invitation(token), request.Message), mission.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationDto(invitation.Id, invitation.Email, invitation.Name, invitation.Organisation, invitation.Status,
            invitation.CreatedAt, null, 0, null);
    }
}
