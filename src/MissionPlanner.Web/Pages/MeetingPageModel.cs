using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages;

/// <summary>
/// What a delegate's and a counterpart's B2B pages share: their requests, and asking, answering and withdrawing
/// through their personal link (a wrong or ended link is "not found").
/// </summary>
public abstract class MeetingPageModel(IMediator mediator) : AppPageModel(mediator)
{
    public MyMeetingsView Meetings { get; private set; } = null!;

    /// <summary>People in <paramref name="directory"/> not yet asked (or whose request was withdrawn): their cards carry an "ask" form.</summary>
    protected IReadOnlySet<Guid> CanAsk(DirectoryView directory) => !Meetings.RequestsOpen ? new HashSet<Guid>() : directory.Entries.Select(e => e.Id)
        .Except(Meetings.Requests.Where(r => r.Status != MeetingRequestStatus.Withdrawn).Select(r => r.OtherId)).ToHashSet();

    /// <summary>The viewer's marks while the preference round is open (a form on each card); null otherwise.</summary>
    protected IReadOnlyDictionary<Guid, MeetingInterest>? Interests => Meetings.PreferencesOpen ? Meetings.Interests : null;

    public async Task<IActionResult> OnPostOutcomeAsync(string token, Guid outcomeId, MeetingResult? result, string? nextSteps) =>
        result is { } r
            ? await SendAsync(token, new RecordMeetingOutcomeCommand(token, outcomeId, r, nextSteps), "Thank you: the outcome is saved.")
            : await RefuseAsync(token, "Choose an outcome.");

    private async Task<IActionResult> RefuseAsync(string token, string message)
    {
        ModelState.AddModelError("", message);
        return await LoadPageAsync(token) ? Page() : NotFound();
    }

    /// <summary>Marks someone in the preference round; an empty <paramref name="interest"/> takes the mark back.</summary>
    public async Task<IActionResult> OnPostPreferAsync(string token, Guid withId, MeetingInterest? interest) =>
        await SendAsync(token, new SetMyMeetingPreferenceCommand(token, withId, interest), interest is null ? "Mark removed." : "Saved.");

    protected abstract string Back(string token);

    public async Task<IActionResult> OnPostAskAsync(string token, Guid withId, string? message) =>
        await SendAsync(token, new RequestMeetingCommand(token, withId, message), "Your request is on its way.");

    public async Task<IActionResult> OnPostAnswerAsync(string token, Guid requestId, bool accept, string? reply) =>
        await SendAsync(token, new AnswerMeetingRequestCommand(token, requestId, accept, reply), accept ? "Accepted: the organisers will place the meeting." : "Declined.");

    public async Task<IActionResult> OnPostWithdrawAsync(string token, Guid requestId) =>
        await SendAsync(token, new WithdrawMeetingRequestCommand(token, requestId), "Withdrawn.");

    protected async Task<bool> LoadMeetingsAsync(string token, DirectoryFilter filter, bool withDirectory = true)
    {
        try
        {
            Meetings = await Mediator.Send(new GetMyMeetingsQuery(token, filter, withDirectory), HttpContext.RequestAborted);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    protected abstract Task<bool> LoadPageAsync(string token);

    private async Task<IActionResult> SendAsync<T>(string token, IRequest<T> command, string notice)
    {
        ModelState.Clear();
        try
        {
            var (ok, _) = await TrySendAsync(command, besideFields: false);
            if (ok)
            {
                TempData["Notice"] = notice;
                return Redirect(Back(token));
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await LoadPageAsync(token) ? Page() : NotFound();
    }
}
