using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

public interface IHostFields
{
    string Name { get; }
    string ContactName { get; }
    string ContactEmail { get; }
    string? ContactPhone { get; }
}

public sealed record HostSummary(
    Guid Id, string Name, string ContactName, string ContactEmail, string? ContactPhone, DateTime? LinkSentAt, int Reminders,
    int Visits, int Pending, int Confirmed, int Declined, int ChangeProposed, int Version);

/// <summary>A time window in the mission's local time.</summary>
public sealed record VisitWindowInput(DateTime StartsAt, DateTime EndsAt);

public interface IVisitFields
{
    Guid HostId { get; }
    Guid VenueId { get; }
    string Title { get; }
    ProgrammeItemKind Kind { get; }
    int DurationMinutes { get; }
    int MinGroupSize { get; }
    int MaxGroupSize { get; }
    int ParallelGroups { get; }
    VisitRequirements Requirements { get; }
    int ScreeningLeadDays { get; }
    string? Notes { get; }
    IReadOnlyList<VisitWindowInput> Windows { get; }
}

public sealed record VisitSummary(
    Guid Id, string Title, ProgrammeItemKind Kind, Guid HostId, string Host, Guid VenueId, string Venue, int DurationMinutes, int MinGroupSize,
    int MaxGroupSize, int ParallelGroups, VisitRequirements Requirements, int ScreeningLeadDays, string Notes,
    IReadOnlyList<VisitWindowInput> Windows, int Groups, bool Cancelled, HostResponse HostResponse, string? HostMessage,
    int FirstChoices, int Ranked, int Assigned, int Version);

internal static class VisitEditing
{
    public static async Task ApplyAsync(AppDbContext db, Mission mission, Visit visit, IVisitFields fields, CancellationToken ct)
    {
        if (!await db.VisitHosts.AnyAsync(h => h.MissionId == mission.Id && h.Id == fields.HostId, ct))
        {
            throw new DomainException(nameof(IVisitFields.HostId), "Choose a host of this mission.");
        }

        if (!await db.Venues.AnyAsync(v => v.MissionId == mission.Id && v.Id == fields.VenueId, ct))
        {
            throw new DomainException(nameof(IVisitFields.VenueId), "Choose a venue of this mission.");
        }

        visit.ChangeHost(fields.HostId);
        var zone = mission.TimeZone;
        visit.Update(mission, fields.Title, fields.Kind, fields.VenueId, fields.DurationMinutes, fields.MinGroupSize, fields.MaxGroupSize,
            fields.ParallelGroups, fields.Requirements, fields.ScreeningLeadDays, fields.Notes,
            fields.Windows.Select(w => (MissionTime.FromTyped(w.StartsAt, zone, nameof(fields.Windows)), MissionTime.FromTyped(w.EndsAt, zone, nameof(fields.Windows))))
                .ToList());
    }

    /// <summary>Removes places in groups that no longer exist, and the last placed beyond a smaller group size.</summary>
    public static async Task<int> DropAssignmentsThatNoLongerFitAsync(AppDbContext db, Visit visit, CancellationToken ct)
    {
        var groups = visit.Groups().ToHashSet();
        var assignments = await db.VisitAssignments.Where(a => a.VisitId == visit.Id).ToListAsync(ct);
        var dropped = assignments.Where(a => !groups.Contains(a.Group))
            .Concat(assignments.Where(a => groups.Contains(a.Group)).GroupBy(a => a.Group)
                .SelectMany(g => g.OrderByDescending(a => a.Pinned).ThenBy(a => a.Id).Skip(visit.MaxGroupSize))).ToList();
        db.VisitAssignments.RemoveRange(dropped);
        if (dropped.Count > 0)
        {
            (await VisitPlans.GetAsync(db, visit.MissionId, ct)).Changed();
        }

        return dropped.Count;
    }
}

internal static class VisitPlans
{
    /// <summary>The mission's plan, created with defaults the first time it is needed (tracked).</summary>
    public static async Task<VisitPlan> GetAsync(AppDbContext db, Guid missionId, CancellationToken ct)
    {
        var plan = db.VisitPlans.Local.FirstOrDefault(p => p.MissionId == missionId)
            ?? await db.VisitPlans.FirstOrDefaultAsync(p => p.MissionId == missionId, ct);
        if (plan is null)
        {
            plan = new VisitPlan(missionId);
            db.VisitPlans.Add(plan);
        }

        return plan;
    }
}
