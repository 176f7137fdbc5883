using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// Sends each host (or one host) an email with a personal link to confirm the visits it receives.
/// A new request replaces the host's previous link.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SendHostRequestsCommand(Guid MissionId, Guid? HostId = null) : IRequest<int>, IMissionRequest;

public sealed class SendHostRequestsHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, TimeProvider clock)
    : IRequestHandler<SendHostRequestsCommand, int>
{
    public async Task<int> Handle(SendHostRequestsCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var hosts = await db.VisitHosts.Where(h => h.MissionId == mission.Id && (request.HostId == null || h.Id == request.HostId)
                                                   && db.Visits.Any(v => v.HostId == h.Id && !v.Cancelled)).ToListAsync(cancellationToken);
        if (hosts.Count == 0)
        {
            throw new DomainException("HostId", request.HostId is null ? "No host has a visit to confirm yet." : "This host has no visit to confirm.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        foreach (var host in hosts)
        {
            var token = await personalLinks.IssueAsync(mission, LinkPurpose.Host, host.Id, cancellationToken);
            host.RequestSent(now);
            await HostEmails.RequestAsync(db, outbox, links, mission, host, token, false, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return hosts.Count;
    }
}
