using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Travel;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// The Travel page: the mission's airports, stations and ports; every confirmed delegate's arrival and departure with
/// what in their programme falls outside their stay; setting a leg for someone; the manifest per day and place.
/// </summary>
public sealed class TravelModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<TravelHubView> Hubs { get; private set; } = [];

    public IReadOnlyList<DelegateTravel> Delegates { get; private set; } = [];

    public IReadOnlyList<ManifestDay> Manifest { get; private set; } = [];

    public IReadOnlyList<TransferServiceView> Transfers { get; private set; } = [];

    [BindProperty]
    public TransferInput Transfer { get; set; } = new();

    [BindProperty]
    public HubInput Hub { get; set; } = new();

    [BindProperty]
    public LegInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadAsync(missionId))
        {
            return MissionNotFound();
        }

        Hub.TimeZoneId = Mission.TimeZoneId;
        return Page();
    }

    public async Task<IActionResult> OnPostHubAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new AddTravelHubCommand(Hub.Name, Hub.Code, Hub.Kind, Hub.TimeZoneId) { MissionId = missionId }, prefix: "Hub");
        if (ok)
        {
            TempData["Notice"] = $"{Hub.Name} added.";
            return Redirect($"/missions/{missionId}/travel");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public async Task<IActionResult> OnPostRemoveHubAsync(Guid missionId, Guid hubId)
    {
        if (!await LoadAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new RemoveTravelHubCommand(missionId, hubId), besideFields: false);
        if (ok)
        {
            TempData["Notice"] = "Removed.";
            return Redirect($"/missions/{missionId}/travel");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostLegAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new SetTravelLegCommand(Input.Mode, Input.Carrier, Input.Number, Input.HubId, Input.OtherEnd, Input.ScheduledLocal)
        { MissionId = missionId, RegistrationId = Input.RegistrationId ?? Guid.Empty, Direction = Input.Direction });
        if (ok)
        {
            TempData["Notice"] = $"The {Input.Direction.ToString().ToLowerInvariant()} is saved.";
            return Redirect($"/missions/{missionId}/travel#delegates");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public async Task<IActionResult> OnPostRemoveLegAsync(Guid missionId, Guid registrationId, LegDirection direction)
    {
        if (!await LoadAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new RemoveTravelLegCommand(missionId, registrationId, direction), besideFields: false);
        if (ok)
        {
            TempData["Notice"] = $"The {direction.ToString().ToLowerInvariant()} is removed.";
            return Redirect($"/missions/{missionId}/travel#delegates");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTransferAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new AddTransferServiceCommand(Transfer.HubId, Transfer.Direction, Transfer.Name, Transfer.Place, Transfer.MeetingPoint,
            Transfer.VehicleCapacity, Transfer.MaxWaitMinutes, Transfer.BufferMinutes, Transfer.DriveMinutes)
        { MissionId = missionId }, prefix: "Transfer");
        if (ok)
        {
            TempData["Notice"] = $"{Transfer.Name} added: propose its vehicles.";
            return Redirect($"/missions/{missionId}/travel#transfers");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public Task<IActionResult> OnPostProposeAsync(Guid missionId, Guid serviceId) =>
        ActAsync(missionId, new ProposeTransfersCommand(missionId, serviceId), "Vehicles proposed: check them, move people if needed, then publish.");

    public Task<IActionResult> OnPostPublishAsync(Guid missionId, Guid serviceId) =>
        ActAsync(missionId, new PublishTransfersCommand(missionId, serviceId), "Published: each passenger's itinerary shows their transfer.");

    [BindProperty]
    public TransferEdit Edit { get; set; } = new();

    public Task<IActionResult> OnPostUpdateTransferAsync(Guid missionId, Guid serviceId) =>
        ActAsync(missionId, new UpdateTransferServiceCommand(Edit.Name, Edit.Place, Edit.MeetingPoint, Edit.VehicleCapacity, Edit.MaxWaitMinutes, Edit.BufferMinutes,
            Edit.DriveMinutes, Edit.Version)
        { MissionId = missionId, ServiceId = serviceId }, "Saved: check the vehicles' warnings, or propose again.");

    public Task<IActionResult> OnPostRemoveTransferAsync(Guid missionId, Guid serviceId) =>
        ActAsync(missionId, new RemoveTransferServiceCommand(missionId, serviceId), "Transfer service removed.");

    public Task<IActionResult> OnPostMoveAsync(Guid missionId, Guid serviceId, Guid registrationId, int toRun) =>
        ActAsync(missionId, new MoveTransferPassengerCommand(registrationId, toRun) { MissionId = missionId, ServiceId = serviceId }, "Moved.");

    private async Task<IActionResult> ActAsync<T>(Guid missionId, MediatR.IRequest<T> command, string notice)
    {
        if (!await LoadAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(command, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/missions/{missionId}/travel#transfers");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public ImportCheck? Import { get; private set; }

    /// <summary>Reads the travel agency's spreadsheet and shows how it was understood; nothing is saved until the organiser confirms.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid missionId, IFormFile? csv)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        Import = await PreviewImportAsync(csv, file => new ImportTravelLegsCommand(null, File: file, Preview: true) { MissionId = missionId }, "Import", "imported");
        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public async Task<IActionResult> OnPostImportConfirmedAsync(Guid missionId, string? file, bool validOnly)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (done, imported, check) = await ConfirmImportAsync(file, bytes => new ImportTravelLegsCommand(null, validOnly, File: bytes) { MissionId = missionId },
            "Import", "imported");
        if (done)
        {
            TempData["Notice"] = $"{imported} arrival(s) and departure(s) imported.";
            return Redirect($"/missions/{missionId}/travel#delegates");
        }

        Import = check;
        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public async Task<IActionResult> OnGetManifestAsync(Guid missionId, ExportFormat format)
    {
        return Download(await Mediator.Send(new ExportManifestQuery(missionId, format), HttpContext.RequestAborted));
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Hubs = await Mediator.Send(new ListTravelHubsQuery(missionId), HttpContext.RequestAborted);
        Delegates = await Mediator.Send(new ListTravelQuery(missionId), HttpContext.RequestAborted);
        // The manifest carries mobile numbers shared with the travel team: organisers only.
        Manifest = Mission is { CanEdit: true } ? await Mediator.Send(new GetManifestQuery(missionId), HttpContext.RequestAborted) : [];
        Transfers = await Mediator.Send(new ListTransfersQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class HubInput
    {
        public string? Name { get; set; }
        public string? Code { get; set; }
        public HubKind? Kind { get; set; } = HubKind.Airport;
        public string? TimeZoneId { get; set; }
    }

    public sealed class TransferInput
    {
        public Guid? HubId { get; set; }
        public TransferDirection? Direction { get; set; } = TransferDirection.FromHub;
        public string? Name { get; set; }
        public string? Place { get; set; }
        public string? MeetingPoint { get; set; }
        public int VehicleCapacity { get; set; } = 8;
        public int MaxWaitMinutes { get; set; } = 45;
        public int BufferMinutes { get; set; } = 45;
        public int DriveMinutes { get; set; }
    }

    public sealed class TransferEdit
    {
        public string? Name { get; set; }
        public string? Place { get; set; }
        public string? MeetingPoint { get; set; }
        public int VehicleCapacity { get; set; }
        public int MaxWaitMinutes { get; set; }
        public int BufferMinutes { get; set; }
        public int DriveMinutes { get; set; }
        public int? Version { get; set; }
    }

    public sealed class LegInput
    {
        public Guid? RegistrationId { get; set; }
        public LegDirection Direction { get; set; }
        public LegMode? Mode { get; set; } = LegMode.Flight;
        public string? Carrier { get; set; }
        public string? Number { get; set; }
        public Guid? HubId { get; set; }
        public string? OtherEnd { get; set; }

        /// <summary>Local time at the airport or station.</summary>
        public DateTime? ScheduledLocal { get; set; }
    }
}
