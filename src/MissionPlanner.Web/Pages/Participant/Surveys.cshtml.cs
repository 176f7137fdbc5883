using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Surveys;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>The surveys a participant was asked to answer, behind their personal link (/r/…/surveys).</summary>
public sealed class SurveysModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<MySurveyView> Surveys { get; private set; } = [];

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        try
        {
            Surveys = await Mediator.Send(new ListMySurveysQuery(token), HttpContext.RequestAborted);
            Token = token;
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
