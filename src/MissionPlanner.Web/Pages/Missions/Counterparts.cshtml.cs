using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages.Missions;

/// <remarks>The confirming import post carries the file as base64: up to <see cref="Spreadsheet.MaxBytes"/> × 4/3.</remarks>
[RequestFormLimits(ValueLengthLimit = Spreadsheet.MaxBytes / 3 * 4 + 4)]
public sealed class CounterpartsModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public CounterpartInput Input { get; set; } = new();

    public IReadOnlyList<CounterpartDto> Counterparts { get; private set; } = [];

    public IReadOnlyList<MeetingRequestSummary> Requests { get; private set; } = [];

    public ImportCheck? Import { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid missionId)
    {
        var (ok, _) = await TrySendAsync(new AddCounterpartCommand(Input.Name ?? "", Input.Email ?? "", Input.Organisation ?? "", Input.Sector, Input.Country,
            Input.Topics)
        { MissionId = missionId });
        return await AfterAsync(missionId, ok, $"{Input.Name} is added. Invite them when you are ready.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid missionId, Guid counterpartId)
    {
        ModelState.Clear();
        var (ok, _) = await TrySendAsync(new RemoveCounterpartCommand(missionId, counterpartId), besideFields: false);
        return await AfterAsync(missionId, ok, "Removed; their link no longer works.");
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid missionId, Guid? counterpartId, string? message)
    {
        ModelState.Clear();
        var (ok, invited) = await TrySendAsync(new InviteCounterpartsCommand(counterpartId is { } id ? [id] : null, message) { MissionId = missionId },
            besideFields: false);
        return await AfterAsync(missionId, ok, $"{Counted.Of(invited, "invitation")} on the way; follow them in the outbox.");
    }

    /// <summary>Reads the uploaded list and shows how it was understood; nobody is added until the organiser confirms.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid missionId, IFormFile? csv)
    {
        ModelState.Clear();
        Import = await PreviewImportAsync(csv, file => new ImportCounterpartsCommand(null, File: file, Preview: true) { MissionId = missionId }, "Add", "added");
        return await LoadAsync(missionId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostImportConfirmedAsync(Guid missionId, string? file, bool validOnly)
    {
        ModelState.Clear();
        var (done, imported, check) = await ConfirmImportAsync(file, bytes => new ImportCounterpartsCommand(null, validOnly, File: bytes) { MissionId = missionId },
            "Add", "added");
        if (done)
        {
            return await AfterAsync(missionId, true, $"{Counted.Of(imported, "counterpart")} added. Invite them when you are ready.");
        }

        Import = check;
        return await LoadAsync(missionId) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync(Guid missionId, bool ok, string? notice)
    {
        if (ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/missions/{missionId}/counterparts");
        }

        return await LoadAsync(missionId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        Counterparts = await Mediator.Send(new ListCounterpartsQuery(missionId), HttpContext.RequestAborted);
        Requests = await Mediator.Send(new ListMeetingRequestsQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class CounterpartInput
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Organisation { get; set; }
        public Sector Sector { get; set; } = Sector.Industry;
        public string? Country { get; set; }
        public string? Topics { get; set; }
    }
}
