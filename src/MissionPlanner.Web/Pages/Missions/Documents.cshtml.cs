using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Features.Documents;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>Printed documents: ask for a generation, watch its progress, download the result.</summary>
public sealed class DocumentsModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<DocumentRunView> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid missionId, DocumentKind kind)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new RequestDocumentsCommand(kind) { MissionId = missionId }, besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/documents") : await LoadAsync(missionId) ? Page() : NotFound();
    }

    /// <summary>Progress of one generation as JSON, for the page's progress bar.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid missionId, Guid run)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var found = (await Mediator.Send(new ListDocumentRunsQuery(missionId, run), HttpContext.RequestAborted)).SingleOrDefault();
        return found is null ? NotFound() : new JsonResult(new { done = found.Done, total = found.Total, status = found.Status.ToString(), finished = found.Status is DocumentRunStatus.Done or DocumentRunStatus.Failed });
    }

    public async Task<IActionResult> OnGetFileAsync(Guid missionId, Guid run, string file)
    {
        try
        {
            var bytes = await Mediator.Send(new GetDocumentFileQuery(missionId, run, file), HttpContext.RequestAborted);
            return File(bytes, file.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "application/pdf", file);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        Runs = await Mediator.Send(new ListDocumentRunsQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public static string KindLabel(DocumentKind kind) => kind switch
    {
        DocumentKind.Itineraries => "Personal itineraries (one PDF each, in a zip)",
        DocumentKind.Booklet => "Programme booklet",
        DocumentKind.Badges => "Name badges with check-in codes (A4 sheets and single badges)",
        DocumentKind.MissionReport => "Mission report (delegation, programme delivered, visits, meetings, agreements, surveys, follow-up)",
        DocumentKind.Manifest => "Arrivals and departures manifest (per day and airport or station)",
        DocumentKind.RoomingList => "Rooming list (per hotel: rooms, guests, nights)",
        DocumentKind.DriverSheets => "Driver sheets (one page per vehicle of the published transfers)",
        _ => "Delegation list (only those who agreed to be listed)",
    };
}
