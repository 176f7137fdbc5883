using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Visits;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// The visit schedule: run the solver, review it per visit and per person, move people by hand with
/// live warnings, lock and publish.
/// </summary>
public sealed class VisitPlanModel(IMediator mediator) : AppPageModel(mediator)
{
    public VisitPlanView Plan { get; private set; } = null!;

    public IReadOnlyList<string> MoveWarnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : MissionNotFound();

    public Task<IActionResult> OnPostRunAsync(Guid missionId, Guid? visitId) =>
        SendAsync(missionId, new RunVisitSchedulingCommand(missionId, visitId),
            r => $"Scheduled: {Counted.Of(r.Placed, "place")} for {Counted.People(r.People)}; {r.WithoutTopChoice} without one of their top choices.");

    public Task<IActionResult> OnPostLockAsync(Guid missionId, bool locked) =>
        SendAsync(missionId, new LockVisitPlanCommand(missionId, locked), _ => locked ? "The schedule is locked." : "The schedule is unlocked.");

    public Task<IActionResult> OnPostPublishAsync(Guid missionId) =>
        SendAsync(missionId, new PublishVisitPlanCommand(missionId),
            r => $"Published {Counted.Of(r.Groups, "group")}: {Counted.People(r.Added)} added, {r.Removed} moved out, {Counted.Of(r.Cancelled, "empty group")} cancelled. They are emailed their changes.");

    public async Task<IActionResult> OnPostMoveAsync(Guid missionId, Guid registrationId, string? fromGroup, string? toGroup)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, warnings) = await TrySendAsync(new MoveVisitorCommand(registrationId, fromGroup, toGroup) { MissionId = missionId }, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = warnings.Count == 0 ? "Moved." : "Moved, with warnings: " + string.Join(" ", warnings);
            return Redirect($"/missions/{missionId}/visits/plan#person-{registrationId}");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    /// <summary>What a move would cause, for the live warning beside the move form (reads only).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(Guid missionId, Guid registrationId, string? fromGroup, string? toGroup)
    {
        try
        {
            var warnings = await Mediator.Send(new MoveVisitorCommand(registrationId, fromGroup, toGroup) { MissionId = missionId, DryRun = true }, HttpContext.RequestAborted);
            return new JsonResult(new { warnings });
        }
        catch (DomainException ex)
        {
            return new JsonResult(new { warnings = new[] { ex.Message } });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>Every group as "Visit · Tue 10:00 (group 1) · 3/6", for the move lists.</summary>
    public IEnumerable<(string Key, string Label)> GroupOptions() =>
        Plan.Visits.SelectMany(v => v.Groups.Select(g =>
            (g.Key, $"{v.Title} · {g.StartsLocal:ddd HH:mm}{(v.Groups.Count(x => x.StartsLocal == g.StartsLocal) > 1 ? $" (group {g.Number})" : "")} · {g.Members.Count}/{v.MaxGroupSize}")));

    private async Task<IActionResult> SendAsync<T>(Guid missionId, MediatR.IRequest<T> request, Func<T, string> notice)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, result) = await TrySendAsync(request, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = notice(result);
            return Redirect($"/missions/{missionId}/visits/plan");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Plan = await Mediator.Send(new GetVisitPlanQuery(missionId), HttpContext.RequestAborted);
        return true;
    }
}
