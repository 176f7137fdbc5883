using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// Emails counterparts their personal link (/m/…): those given in <see cref="CounterpartIds"/> (again, with a new
/// link that replaces the old), or else everyone not invited yet. The emails and links commit together.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record InviteCounterpartsCommand(IReadOnlyList<Guid>? CounterpartIds = null, string? Message = null) : IRequest<int>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class InviteCounterpartsValidator : AbstractValidator<InviteCounterpartsCommand>
{
    public InviteCounterpartsValidator() => RuleFor(x => x.Message).MaximumLength(2000);
}

public sealed class InviteCounterpartsHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock)
    : IRequestHandler<InviteCounterpartsCommand, int>
{
    public async Task<int> Handle(InviteCounterpartsCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var ids = request.CounterpartIds;
        var counterparts = await db.Counterparts
            .Where(c => c.MissionId == mission.Id && c.RemovedAt == null && (ids == null ? c.InvitedAt == null : ids.Contains(c.Id)))
            .OrderBy(c => c.Organisation).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        if (ids is not null && counterparts.Count != ids.Distinct().Count())
        {
            throw new Domain.Common.NotFoundException("Counterpart");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await personalLinks.IssueManyAsync(mission, LinkPurpose.Counterpart, counterparts.Select(c => c.Id).ToList(), cancellationToken);
        await personalLinks.EnsureCalendarsAsync(mission, counterparts.Select(c => c.Id).ToList(), cancellationToken);
        var batch = $"counterparts-{now:yyyyMMdd-HHmmss}";
        var message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim();
        foreach (var counterpart in counterparts)
        {
            counterpart.MarkInvited(now);
            await outbox.EnqueueAsync("counterpart-invitation", counterpart.Email, counterpart.Name,
                new EmailModels.CounterpartInvitation(counterpart.Name, counterpart.Organisation, mission.Title, PublicLinks.Where(mission),
                    PublicLinks.Dates(mission.StartDate, mission.EndDate), links.Counterpart(tokens[counterpart.Id]), message),
                mission.Id, batch, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return counterparts.Count;
    }
}
