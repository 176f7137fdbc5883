using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Report;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>The mission report on a page, with its charts; the PDF is printed on the Documents page.</summary>
public sealed class ReportModel(IMediator mediator) : AppPageModel(mediator)
{
    public MissionReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        Report = await Mediator.Send(new GetMissionReportQuery(missionId), HttpContext.RequestAborted);
        return Page();
    }
}
