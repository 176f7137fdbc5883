using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Features.FollowUp;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// The Follow-up page: open and overdue actions first, agreement milestones among them, adding an
/// action and changing where one stands.
/// </summary>
public sealed class FollowUpModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<FollowUpActionView> Actions { get; private set; } = [];

    public FollowUpTargets Targets { get; private set; } = new([], []);

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public int Open => Actions.Count(a => a.Status is ActionStatus.Open or ActionStatus.InProgress);

    public int Overdue => Actions.Count(a => a.Overdue);

    public int Done => Actions.Count(a => a.Status == ActionStatus.Done);

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : MissionNotFound();

    public async Task<IActionResult> OnPostAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (agreement, visit) = Input.FollowsUp?.Split(':', 2) switch
        {
            ["agreement", var id] when Guid.TryParse(id, out var g) => ((Guid?)g, (Guid?)null),
            ["visit", var id] when Guid.TryParse(id, out var v) => (null, v),
            _ => ((Guid?)null, (Guid?)null),
        };
        var (ok, _) = await TrySendAsync(new AddFollowUpActionCommand(Input.Title ?? "", Input.Notes, Input.Owner ?? "", Input.OwnerEmail ?? "",
            Input.DueDate ?? default, AgreementId: agreement, VisitId: visit)
        { MissionId = missionId });
        if (ok)
        {
            TempData["Notice"] = "Action added.";
            return Redirect($"/missions/{missionId}/follow-up");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid missionId, Guid actionId, ActionStatus status)
    {
        if (!await LoadAsync(missionId))
        {
            return MissionNotFound();
        }

        if (Actions.FirstOrDefault(a => a.Id == actionId) is not { } a)
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new UpdateFollowUpActionCommand(a.Title, a.Notes, a.Owner, a.OwnerEmail, a.DueDate, status, a.Version,
            a.MeetingId, a.VisitId, a.AgreementId)
        { MissionId = missionId, ActionId = actionId }, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = $"'{a.Title}' is now {FollowUpAction.Describe(status)}.";
            return Redirect($"/missions/{missionId}/follow-up");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Actions = await Mediator.Send(new ListFollowUpActionsQuery(missionId), HttpContext.RequestAborted);
        Targets = await Mediator.Send(new ListFollowUpTargetsQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class ActionInput
    {
        public string? Title { get; set; }
        public string? Notes { get; set; }
        public string? Owner { get; set; }
        public string? OwnerEmail { get; set; }
        public DateOnly? DueDate { get; set; }

        /// <summary>"agreement:{id}", "visit:{id}" or empty.</summary>
        public string? FollowsUp { get; set; }
    }
}
