using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// The B2B schedule: set each session's slots and tables, run the scheduler, review the room plans and
/// what could not be placed, arrange and move meetings with live warnings, set caps and priorities,
/// lock and publish.
/// </summary>
public sealed class MeetingsModel(IMediator mediator) : AppPageModel(mediator)
{
    public MeetingPlanView Plan { get; private set; } = null!;

    public MeetingOutcomesView Outcomes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : MissionNotFound();

    public Task<IActionResult> OnPostSessionAsync(Guid missionId, Guid itemId, int slotMinutes, int breakMinutes, int tables) =>
        SendAsync(missionId, new ConfigureMeetingSessionCommand(missionId, itemId, slotMinutes, breakMinutes, tables),
            s => $"'{s.Title}': {Counted.Of(s.Slots, "slot")} of {s.SlotMinutes} minutes at {Counted.Of(s.Tables ?? 0, "table")}.");

    public Task<IActionResult> OnPostModesAsync(Guid missionId, bool requests, bool preferenceRound, DateTime? deadline) =>
        SendAsync(missionId, new SetMeetingModesCommand(missionId, requests, preferenceRound, deadline), _ => "Saved.");

    public Task<IActionResult> OnPostNoShowAsync(Guid missionId, Guid meetingId, MeetingParty? absent) =>
        SendAsync(missionId, new MarkMeetingNoShowCommand(missionId, meetingId, absent), _ => absent is null ? "Marked as held." : "Marked: did not take place.");

    /// <summary>A session's room plan or table signs as a PDF (GET: reading changes nothing).</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid missionId, Guid sessionId, MeetingSessionDocument document)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        try
        {
            var pdf = await Mediator.Send(new GetMeetingSessionPdfQuery(missionId, sessionId, document), HttpContext.RequestAborted);
            return File(pdf, "application/pdf", document == MeetingSessionDocument.RoomPlan ? "room-plan.pdf" : "table-signs.pdf");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>Every answer about the meetings as CSV (GET: reading changes nothing).</summary>
    public async Task<IActionResult> OnGetOutcomesCsvAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var outcomes = await Mediator.Send(new GetMeetingOutcomesQuery(missionId), HttpContext.RequestAborted);
        return File(outcomes.Csv(), "text/csv; charset=utf-8", "meeting-outcomes.csv");
    }

    public Task<IActionResult> OnPostRunAsync(Guid missionId) =>
        SendAsync(missionId, new RunMeetingSchedulingCommand(missionId),
            r => $"Scheduled {Counted.Of(r.Placed, "meeting")}; {r.Unplaced.Count} could not be placed.");

    public Task<IActionResult> OnPostLockAsync(Guid missionId, bool locked) =>
        SendAsync(missionId, new LockMeetingPlanCommand(missionId, locked), _ => locked ? "The meeting schedule is locked." : "The meeting schedule is unlocked.");

    public Task<IActionResult> OnPostPublishAsync(Guid missionId) =>
        SendAsync(missionId, new PublishMeetingPlanCommand(missionId),
            r => $"Published {Counted.Of(r.Meetings, "meeting")} ({r.Cancelled} cancelled). Delegates are emailed their changes; {Counted.Of(r.CounterpartsEmailed, "counterpart")} emailed their schedule.");

    public Task<IActionResult> OnPostRemoveAsync(Guid missionId, Guid meetingId) =>
        SendAsync(missionId, new RemoveMeetingCommand(missionId, meetingId), _ => "The meeting is taken out of the schedule.");

    public Task<IActionResult> OnPostLimitsAsync(Guid missionId, Guid personId, string? cap, int priority) =>
        int.TryParse(cap, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || string.IsNullOrWhiteSpace(cap)
            ? SendAsync(missionId, new SetMeetingLimitsCommand(missionId, personId, string.IsNullOrWhiteSpace(cap) ? null : n, priority), _ => "Saved.")
            : Refuse(missionId, $"'{cap}' is not a number of meetings.");

    public async Task<IActionResult> OnPostArrangeAsync(Guid missionId, Guid counterpartId, List<Guid> delegateIds, string? to, int? table,
        DateTime? startsAt, DateTime? endsAt, string? place) =>
        await SendAsync(missionId, new ArrangeMeetingCommand(missionId, counterpartId, delegateIds, Placement(to, table, startsAt, endsAt, place)),
            m => $"Arranged: {string.Join(" and ", m.Delegates)} with {m.Counterpart}, {m.Where}.");

    public async Task<IActionResult> OnPostMoveAsync(Guid missionId, Guid meetingId, string? to, int? table, DateTime? startsAt, DateTime? endsAt, string? place)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, warnings) = await TrySendAsync(new MoveMeetingCommand(meetingId, Placement(to, table, startsAt, endsAt, place)) { MissionId = missionId }, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = warnings.Count == 0 ? "Moved." : "Moved, with warnings: " + string.Join(" ", warnings);
            return Redirect($"/missions/{missionId}/meetings#meeting-{meetingId}");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    /// <summary>What a move would cause, for the live warning beside the move form (reads only).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(Guid missionId, Guid meetingId, string? to, int? table, DateTime? startsAt, DateTime? endsAt, string? place)
    {
        try
        {
            var warnings = await Mediator.Send(new MoveMeetingCommand(meetingId, Placement(to, table, startsAt, endsAt, place)) { MissionId = missionId, DryRun = true },
                HttpContext.RequestAborted);
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

    /// <summary>Every slot of every session as ("sessionId/slot", "Matchmaking · Tue 14:20 · 3/8 tables"), for the move and arrange lists.</summary>
    public IEnumerable<(string Key, string Label)> SlotOptions() =>
        Plan.Sessions.SelectMany(s => s.Slots.Select(slot =>
            ($"{s.Session.ProgrammeItemId}/{slot.Number}", $"{s.Session.Title} · {slot.StartsLocal:ddd d MMM HH:mm} · {slot.Tables.Count(t => t is not null)}/{slot.Tables.Count} tables")));

    /// <summary>"sessionId/slot" from a list, or "" for a time and place of its own.</summary>
    private static MeetingPlacement Placement(string? to, int? table, DateTime? startsAt, DateTime? endsAt, string? place)
    {
        var parts = (to ?? "").Split('/');
        return parts.Length == 2 && Guid.TryParse(parts[0], out var session) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var slot)
            ? new MeetingPlacement(session, slot, table, null, null, null, null)
            : new MeetingPlacement(null, null, null, startsAt, endsAt, null, place);
    }

    private async Task<IActionResult> Refuse(Guid missionId, string message)
    {
        ModelState.AddModelError("", message);
        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<IActionResult> SendAsync<T>(Guid missionId, IRequest<T> request, Func<T, string> notice)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, result) = await TrySendAsync(request, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = notice(result);
            return Redirect($"/missions/{missionId}/meetings");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Plan = await Mediator.Send(new GetMeetingPlanQuery(missionId), HttpContext.RequestAborted);
        Outcomes = await Mediator.Send(new GetMeetingOutcomesQuery(missionId), HttpContext.RequestAborted);
        return true;
    }
}
