using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.FollowUp;

/// <summary>
/// The mission's follow-up actions: overdue first, then open by due day, then closed ones (latest
/// first), each with what it follows up in words.
/// </summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListFollowUpActionsQuery(Guid MissionId) : IRequest<IReadOnlyList<FollowUpActionView>>, IMissionRequest;

public sealed class ListFollowUpActionsHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<ListFollowUpActionsQuery, IReadOnlyList<FollowUpActionView>>
{
    public async Task<IReadOnlyList<FollowUpActionView>> Handle(ListFollowUpActionsQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var today = Domain.Missions.MissionTime.LocalDate(clock.GetUtcNow().UtcDateTime, mission.TimeZone);
        var actions = await db.FollowUpActions.AsNoTracking().Where(a => a.MissionId == mission.Id).ToListAsync(cancellationToken);

        var agreementIds = actions.Where(a => a.AgreementId != null).Select(a => a.AgreementId!.Value).ToHashSet();
        var agreements = await db.CeremonyAgreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => $"Agreement: {a.Title}", cancellationToken);
        var visitIds = actions.Where(a => a.VisitId != null).Select(a => a.VisitId!.Value).ToHashSet();
        var visits = await db.Visits.AsNoTracking().Where(v => visitIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => $"Visit: {v.Title}", cancellationToken);
        var meetingIds = actions.Where(a => a.MeetingId != null).Select(a => a.MeetingId!.Value).ToHashSet();
        var meetings = await (from m in db.Meetings.AsNoTracking()
                              where meetingIds.Contains(m.Id)
                              join c in db.Counterparts on m.CounterpartId equals c.Id
                              select new { m.Id, m.StartsAt, c.Name, c.Organisation })
            .ToDictionaryAsync(m => m.Id, m => $"B2B meeting with {m.Name} ({m.Organisation}), {Domain.Missions.MissionTime.ToLocal(m.StartsAt, mission.TimeZone):d MMM HH:mm}",
                cancellationToken);

        var views = actions
            .Select(a => new FollowUpActionView(a.Id, a.Title, a.Notes, a.Owner, a.OwnerEmail, a.DueDate, a.Status, a.IsOpen && a.DueDate < today,
                a.MeetingId, a.VisitId, a.AgreementId,
                a.AgreementId is { } g ? agreements.GetValueOrDefault(g) : a.VisitId is { } v ? visits.GetValueOrDefault(v) : a.MeetingId is { } m ? meetings.GetValueOrDefault(m) : null,
                a.CreatedAt, a.ClosedAt, a.Version))
            .ToList();
        return
        [
            .. views.Where(a => a.Status is ActionStatus.Open or ActionStatus.InProgress)
                .OrderByDescending(a => a.Overdue).ThenBy(a => a.DueDate).ThenBy(a => a.Title, StringComparer.CurrentCulture),
            .. views.Where(a => a.Status is ActionStatus.Done or ActionStatus.Dropped)
                .OrderByDescending(a => a.ClosedAt ?? a.CreatedAt).ThenBy(a => a.Title, StringComparer.CurrentCulture),
        ];
    }
}
