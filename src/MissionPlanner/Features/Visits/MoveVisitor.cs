using System.Text.Json.Serialization;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// An organiser places someone by hand: out of one group, into another (or both), pinned so the
/// solver keeps it. The move is made even when it breaks a rule; the warnings say what it breaks.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record MoveVisitorCommand(Guid RegistrationId, string? FromGroup, string? ToGroup) : IRequest<IReadOnlyList<string>>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    /// <summary>Only report what the move would cause, without making it (for live warnings while choosing).</summary>
    public bool DryRun { get; init; }
}

public sealed class MoveVisitorHandler(AppDbContext db) : IRequestHandler<MoveVisitorCommand, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(MoveVisitorCommand request, CancellationToken cancellationToken)
    {
        var data = await VisitSchedulingData.LoadAsync(db, request.MissionId, cancellationToken, tracked: true);
        if (!request.DryRun)
        {
            data.Plan.EnsureUnlocked();
        }

        if (data.People.All(p => p.Id != request.RegistrationId))
        {
            throw new DomainException(nameof(request.RegistrationId), "Only confirmed participants of this mission can be placed on visits.");
        }

        var from = Group(data, request.FromGroup, nameof(request.FromGroup));
        var to = Group(data, request.ToGroup, nameof(request.ToGroup));
        if (from is null && to is null)
        {
            throw new DomainException(nameof(request.ToGroup), "Choose the group to move the person to, or the group to take them out of.");
        }

        var after = data.Assignments.ToList();
        if (from is { } f)
        {
            var current = after.FirstOrDefault(a => a.RegistrationId == request.RegistrationId && a.VisitId == f.Visit.Id && a.Group == f.Group)
                ?? throw new DomainException(nameof(request.FromGroup), "The person is not in that group.");
            after.Remove(current);
            if (!request.DryRun)
            {
                db.VisitAssignments.Remove(current);
            }
        }

        if (to is { } t)
        {
            var sameVisit = after.FirstOrDefault(a => a.RegistrationId == request.RegistrationId && a.VisitId == t.Visit.Id);
            if (sameVisit is not null)
            {
                after.Remove(sameVisit);
                if (!request.DryRun)
                {
                    db.VisitAssignments.Remove(sameVisit);
                }
            }

            var moved = new VisitAssignment(request.MissionId, t.Visit.Id, request.RegistrationId, t.Group, pinned: true);
            after.Add(moved);
            if (!request.DryRun)
            {
                db.VisitAssignments.Add(moved);
            }
        }

        var touched = new[] { from, to }.Where(g => g is not null).Select(g => (g!.Value.Visit.Id, g.Value.Group)).ToHashSet();
        var warnings = data.Warnings(after, a => a.RegistrationId == request.RegistrationId || touched.Contains((a.VisitId, a.Group)));
        if (!request.DryRun)
        {
            data.Plan.Changed();
            await db.SaveChangesAsync(cancellationToken);
        }

        return warnings;
    }

    private static (Domain.Visits.Visit Visit, VisitGroupSlot Group)? Group(VisitSchedulingData data, string? key, string field)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var parsed = VisitGroupSlot.Parse(key) ?? throw new DomainException(field, "That group does not exist.");
        var visit = data.VisitById(parsed.VisitId) ?? throw new DomainException(field, "That visit is cancelled, declined by its host, or not part of this mission.");
        var group = visit.Groups().FirstOrDefault(g => g.StartsAt == parsed.StartsAt && g.Number == parsed.Number);
        return group == default ? throw new DomainException(field, "That group does not exist (the visit's times may have changed).") : (visit, group);
    }
}
