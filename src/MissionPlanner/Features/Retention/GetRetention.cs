using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Retention;

/// <summary>What the mission keeps of people, until when, and how much of it there is now.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetRetentionQuery(Guid MissionId) : IRequest<RetentionView>, IMissionRequest;

public sealed class GetRetentionHandler(AppDbContext db, IOptions<PrivacyOptions> options) : IRequestHandler<GetRetentionQuery, RetentionView>
{
    public async Task<RetentionView> Handle(GetRetentionQuery request, CancellationToken cancellationToken)
    {
        var mission = await db.MissionAsync(request.MissionId, cancellationToken);
        var defaultDays = options.Value.PersonalDataRetentionDays;
        var due = mission.PurgeDueAt(defaultDays);
        var id = mission.Id;
        return new RetentionView(mission.PersonalDataRetentionDays ?? defaultDays, mission.PersonalDataRetentionDays is null, due,
            MissionTime.LocalDate(due, mission.TimeZone), mission.PersonalDataPurgedAt,
            await db.Registrations.CountAsync(r => r.MissionId == id && r.PurgedAt == null && r.ErasedAt == null, cancellationToken),
            await db.Invitations.CountAsync(i => i.MissionId == id && !i.Email.EndsWith(".invalid"), cancellationToken),
            await db.OutboxMessages.CountAsync(m => m.MissionId == id && !m.ToAddress.EndsWith(".invalid"), cancellationToken),
            await (from p in db.CeremonyPeople
                   join c in db.Ceremonies on p.CeremonyId equals c.Id
                   where c.MissionId == id && p.Organisation != "—"
                   select p.Id).CountAsync(cancellationToken),
            await db.Counterparts.CountAsync(c => c.MissionId == id && !c.Email.EndsWith(".invalid"), cancellationToken));
    }
}
