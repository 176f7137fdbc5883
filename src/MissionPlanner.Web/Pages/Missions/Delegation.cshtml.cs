using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Pages.Missions;

/// <remarks>The confirming import post carries the file as base64: up to <see cref="Spreadsheet.MaxBytes"/> × 4/3.</remarks>
[RequestFormLimits(ValueLengthLimit = Spreadsheet.MaxBytes / 3 * 4 + 4)]
public sealed class DelegationModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public RegistrationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Sector? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    public DelegationView View { get; private set; } = null!;

    public string? CapacityError { get; private set; }

    [BindProperty(SupportsGet = true, Name = "history")]
    public Guid? HistoryOf { get; set; }

    public IReadOnlyList<AuditEntry>? History { get; private set; }

    [BindProperty(SupportsGet = true, Name = "erase")]
    public Guid? EraseId { get; set; }

    [BindProperty(SupportsGet = true, Name = "decline")]
    public Guid? DeclineId { get; set; }

    public DelegateRow? DeclineCandidate => DeclineId is { } id && Mission.CanEdit ? View.People.FirstOrDefault(p => p.Id == id && p.Status == RegistrationStatus.Pending) : null;

    public DelegateRow? EraseCandidate => EraseId is { } id && Mission.CanEdit ? View.People.FirstOrDefault(p => p.Id == id) : null;

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var csv = await Mediator.Send(new ExportDelegationQuery(missionId), HttpContext.RequestAborted);
        return File(csv, "text/csv; charset=utf-8", $"delegation-{Mission.StartDate:yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnPostCapacityAsync(Guid missionId, int? capacity)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        try
        {
            await Mediator.Send(new SetCapacityCommand(capacity) { MissionId = missionId }, HttpContext.RequestAborted);
            return Redirect($"/missions/{missionId}/delegation");
        }
        catch (ValidationException ex)
        {
            CapacityError = ex.Errors.First().ErrorMessage;
        }
        catch (Domain.Common.ForbiddenException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }

        return await LoadAsync(missionId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid missionId, Guid registrationId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new CancelRegistrationCommand(missionId, registrationId), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/delegation") : await LoadAsync(missionId) ? Page() : NotFound();
    }

    public ImportCheck? Import { get; private set; }

    /// <summary>Reads the uploaded list and shows how it was understood; nobody is registered until the organiser confirms.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid missionId, IFormFile? csv)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        Import = await PreviewImportAsync(csv, file => new ImportDelegatesCommand(null, File: file, Preview: true) { MissionId = missionId }, "Import", "imported");
        return await LoadAsync(missionId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostImportConfirmedAsync(Guid missionId, string? file, bool validOnly)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (done, _, check) = await ConfirmImportAsync(file, bytes => new ImportDelegatesCommand(null, validOnly, File: bytes) { MissionId = missionId },
            "Import", "imported");
        if (done)
        {
            return Redirect($"/missions/{missionId}/delegation");
        }

        Import = check;
        return await LoadAsync(missionId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetParticipantListAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var csv = await Mediator.Send(new ExportParticipantListQuery(missionId), HttpContext.RequestAborted);
        return File(csv, "text/csv; charset=utf-8", "participants.csv");
    }

    public async Task<IActionResult> OnPostPrecedenceAsync(Guid missionId, Guid registrationId, int? rank)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new SetPrecedenceCommand(missionId, registrationId, rank), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/delegation") : await LoadAsync(missionId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid missionId, Guid registrationId, RegistrationDecision decision, string? message)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new DecideRegistrationCommand(decision, message) { MissionId = missionId, RegistrationId = registrationId },
            besideFields: false);
        if (!ok && decision == RegistrationDecision.Decline)
        {
            DeclineId = registrationId;
        }

        return ok ? Redirect($"/missions/{missionId}/delegation") : await LoadAsync(missionId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid missionId, Guid registrationId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new ErasePersonCommand(missionId, registrationId), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/delegation") : await LoadAsync(missionId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        if (HistoryOf is { } id && Mission.CanEdit)
        {
            History = await Mediator.Send(new GetRegistrationHistoryQuery(missionId, id), HttpContext.RequestAborted);
        }

        View = await Mediator.Send(new GetDelegationQuery(missionId, Status, Sector, Organisation), HttpContext.RequestAborted);
        return true;
    }
}
