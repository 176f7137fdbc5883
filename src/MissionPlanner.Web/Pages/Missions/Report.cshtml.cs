using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Report;
using MissionPlanner.Features.Retention;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// The mission report on a page, with its charts (the PDF is printed on the Documents page), and
/// how long the mission keeps personal data: what will be purged, and when.
/// </summary>
public sealed class ReportModel(IMediator mediator) : AppPageModel(mediator)
{
    public MissionReport Report { get; private set; } = null!;

    public RetentionView Retention { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : MissionNotFound();

    /// <param name="days">Days after the mission to keep personal data; empty for the installation's default.</param>
    public async Task<IActionResult> OnPostRetentionAsync(Guid missionId, int? days)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new SetRetentionCommand(days) { MissionId = missionId }, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = "The retention period is saved.";
            return Redirect($"/missions/{missionId}/report#retention");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        Report = await Mediator.Send(new GetMissionReportQuery(missionId), HttpContext.RequestAborted);
        Retention = await Mediator.Send(new GetRetentionQuery(missionId), HttpContext.RequestAborted);
        return true;
    }
}
