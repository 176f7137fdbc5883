using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Visits;

/// <summary>Reminds hosts that still have visits to answer, at the configured interval, up to the limit.</summary>
public sealed record SendHostRemindersCommand : IRequest<int>;

public sealed class SendHostRemindersHandler(AppDbContext db, OutboxWriter outbox, PublicLinks links, PersonalLinks personalLinks, IOptions<VisitOptions> options, TimeProvider clock)
    : IRequestHandler<SendHostRemindersCommand, int>
{
    public async Task<int> Handle(SendHostRemindersCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now - options.Value.HostReminderInterval;
        var hosts = await db.VisitHosts
            .Where(h => h.LinkSentAt != null && h.Reminders < options.Value.HostReminderLimit && (h.LastRemindedAt ?? h.LinkSentAt) <= due
                        && db.Visits.Any(v => v.HostId == h.Id && !v.Cancelled && v.HostResponse == HostResponse.Pending))
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var missionHosts in hosts.GroupBy(h => h.MissionId))
        {
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionHosts.Key, cancellationToken);
            if (now > mission.LinksExpireAt || now > mission.UtcWindow().To)
            {
                continue;
            }

            foreach (var host in missionHosts)
            {
                // As with invitations, a reminder carries a fresh link: the first email may be lost.
                var token = await personalLinks.IssueAsync(mission, LinkPurpose.Host, host.Id, cancellationToken);
                host.Reminded(now);
                await HostEmails.RequestAsync(db, outbox, links, mission, host, token, true, cancellationToken);
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
