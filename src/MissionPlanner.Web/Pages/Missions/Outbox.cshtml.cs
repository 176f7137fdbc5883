using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Features.Outbox;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class OutboxModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public OutboxStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public OutboxOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : NotFound();

    /// <summary>Progress of one batch as JSON, polled by progress.js while it sends.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid missionId, string batch)
    {
        var overview = await Mediator.Send(new GetOutboxQuery(missionId, Take: 1), HttpContext.RequestAborted);
        var progress = overview.Batches.FirstOrDefault(b => b.Batch == batch);
        return progress is null ? NotFound() : new JsonResult(progress);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid missionId, Guid messageId) =>
        await AfterAsync(missionId, (await TrySendAsync(new ResendMessageCommand(missionId, messageId), besideFields: false)).Ok);

    public async Task<IActionResult> OnPostCancelAsync(Guid missionId, Guid messageId) =>
        await AfterAsync(missionId, (await TrySendAsync(new CancelMessagesCommand(missionId, messageId, null), besideFields: false)).Ok);

    public async Task<IActionResult> OnPostCancelBatchAsync(Guid missionId, string batch) =>
        await AfterAsync(missionId, (await TrySendAsync(new CancelMessagesCommand(missionId, null, batch), besideFields: false)).Ok);

    private async Task<IActionResult> AfterAsync(Guid missionId, bool ok) =>
        ok ? Redirect($"/missions/{missionId}/outbox") : await LoadAsync(missionId) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        Overview = await Mediator.Send(new GetOutboxQuery(missionId, Status, Search), HttpContext.RequestAborted);
        return true;
    }
}
