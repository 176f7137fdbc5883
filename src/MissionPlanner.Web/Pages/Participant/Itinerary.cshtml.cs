using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Itinerary;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>The participant's own programme, by day, in the mission's local time, behind their personal link.</summary>
public sealed class ItineraryModel(IMediator mediator) : AppPageModel(mediator)
{
    public ItineraryView Itinerary { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        try
        {
            Itinerary = await Mediator.Send(new GetMyItineraryQuery(token), HttpContext.RequestAborted);
            Token = token;
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The itinerary as a PDF to print or keep offline (GET: reading changes nothing).</summary>
    public async Task<IActionResult> OnGetPdfAsync(string token)
    {
        try
        {
            var pdf = await Mediator.Send(new GetMyItineraryPdfQuery(token), HttpContext.RequestAborted);
            return File(pdf, "application/pdf", "my-programme.pdf");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The same feed as a webcal:// address, which phones open in their calendar app.</summary>
    public string? WebcalUrl => Itinerary.CalendarUrl is { } url ? "webcal://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : null;
}
