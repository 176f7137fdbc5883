using System.Text.Json.Serialization;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// An organiser moves a meeting to another slot and table, or to a time and place of its own, and it is
/// pinned there. As for visits, the move is made even when it breaks a rule, and the warnings say what
/// it breaks; a table that is taken or does not exist is refused. With <see cref="DryRun"/> nothing is
/// saved: the warnings are shown while the organiser chooses.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record MoveMeetingCommand(Guid MeetingId, MeetingPlacement Where) : IRequest<IReadOnlyList<string>>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    public bool DryRun { get; init; }
}

public sealed class MoveMeetingHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<MoveMeetingCommand, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(MoveMeetingCommand request, CancellationToken cancellationToken)
    {
        var data = await MeetingSchedulingData.LoadAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken, tracked: !request.DryRun);
        if (!request.DryRun)
        {
            data.Plan.EnsureUnlocked();
        }

        var meeting = MeetingPlanning.Find(data, request.MeetingId);
        meeting.EnsureNotBegun(clock.GetUtcNow().UtcDateTime);
        MeetingPlanning.Place(data, meeting, request.Where);
        var warnings = data.Warnings(data.Meetings, m => m == meeting);
        if (!request.DryRun)
        {
            meeting.Pin(true);
            data.Plan.Changed(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return warnings;
    }
}
