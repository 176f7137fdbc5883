using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Scheduling;

namespace MissionPlanner.Features.Visits;

/// <summary>
/// Runs the solver over the visits and replaces the unpinned assignments with its result. With a
/// visit given, only that visit is rescheduled: everyone keeps their places on the other visits.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RunVisitSchedulingCommand(Guid MissionId, Guid? VisitId = null) : IRequest<SchedulingResult>, IMissionRequest;

public sealed class RunVisitSchedulingHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RunVisitSchedulingCommand, SchedulingResult>
{
    public async Task<SchedulingResult> Handle(RunVisitSchedulingCommand request, CancellationToken cancellationToken)
    {
        var data = await VisitSchedulingData.LoadAsync(db, request.MissionId, cancellationToken, tracked: true);
        data.Plan.EnsureUnlocked();
        if (request.VisitId is { } only && data.VisitById(only) is null)
        {
            throw new DomainException("VisitId", "That visit is cancelled, declined by its host, or not part of this mission.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var problem = data.Problem(now, request.VisitId);
        // Pins are checked here with names people know; the solver's own check names only ids.
        var visits = data.Visits.ToDictionary(v => v.Id);
        foreach (var over in data.Assignments.Where(a => visits.ContainsKey(a.VisitId) && (a.Pinned || request.VisitId is { } o && a.VisitId != o))
                     .GroupBy(a => (a.VisitId, a.Group)).Where(g => g.Count() > visits[g.Key.VisitId].MaxGroupSize))
        {
            var visit = visits[over.Key.VisitId];
            throw new DomainException("Pinned",
                $"{Counted.People(over.Count())} {(over.Count() == 1 ? "is" : "are")} placed by hand in {data.GroupName(visit, over.Key.Group)}, which takes {visit.MaxGroupSize}; move some of them first.");
        }

        Schedule schedule;
        try
        {
            schedule = VisitSolver.Solve(problem);
        }
        catch (SchedulingException ex)
        {
            throw new DomainException(ex.Field, ex.Message);
        }

        var pinned = data.Assignments.Where(a => a.Pinned).Select(a => (a.RegistrationId, a.VisitId)).ToHashSet();
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        db.VisitAssignments.RemoveRange(data.Assignments.Where(a => visits.ContainsKey(a.VisitId)));
        var placed = new List<VisitAssignment>();
        foreach (var (key, members) in schedule.Members)
        {
            var (visitId, startsAt, number) = VisitGroupSlot.Parse(key)!.Value;
            var group = visits[visitId].Groups().First(g => g.StartsAt == startsAt && g.Number == number);
            placed.AddRange(members.Select(m => Guid.ParseExact(m, "N"))
                .Select(person => new VisitAssignment(request.MissionId, visitId, person, group, pinned.Contains((person, visitId)))));
        }

        db.VisitAssignments.AddRange(placed);
        data.Plan.Ran(schedule.Score.WithoutTopChoice, schedule.Score.TotalRank, VisitSchedulingData.ExplanationsJson(schedule), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SchedulingResult(placed.Count, data.People.Count, schedule.Score.WithoutTopChoice, schedule.Score.TotalRank,
            data.Warnings(placed.Concat(data.Assignments.Where(a => !visits.ContainsKey(a.VisitId))).ToList()));
    }
}
