using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Documents;

/// <summary>
/// After a programme change, the booklet and itineraries printed before are printed again: one
/// request per mission and kind for the whole save, however many items changed.
/// </summary>
internal sealed class ReprintAfterProgrammeChange(TimeProvider clock) : DomainEventHandler<ProgrammeItemChanged>
{
    protected override async Task HandleAsync(AppDbContext db, IReadOnlyList<ProgrammeItemChanged> events, CancellationToken ct)
    {
        foreach (var missionId in events.Select(e => e.Item.MissionId).Distinct())
        {
            await DocumentGeneration.RefreshAsync(db, missionId, clock.GetUtcNow().UtcDateTime, ct);
        }
    }
}
