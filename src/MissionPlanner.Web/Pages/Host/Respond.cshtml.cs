using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Visits;

namespace MissionPlanner.Web.Pages.Host;

/// <summary>
/// A host's page behind its personal link: the visits it receives, their groups and visitors; it
/// confirms, declines, proposes a change, and downloads the visitor list for its security desk.
/// </summary>
public sealed class RespondModel(IMediator mediator) : AppPageModel(mediator)
{
    public HostPage Host { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, Guid visitId, HostResponse response, string? message, int? maxGroupSize)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        try
        {
            var (ok, _) = await TrySendAsync(new RespondToVisitCommand(token, visitId, response, message, maxGroupSize), prefix: $"visit-{visitId:N}");
            if (!ok)
            {
                return Page();
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        TempData["Notice"] = response switch
        {
            HostResponse.Confirmed => "Thank you: the visit is confirmed.",
            HostResponse.Declined => "Thank you: the organisers are told that you cannot receive this visit.",
            _ => "Thank you: the organisers will come back to you with the new plan.",
        };
        return Redirect($"/h/{token}");
    }

    public async Task<IActionResult> OnGetCsvAsync(string token, Guid visit)
    {
        try
        {
            var list = await Mediator.Send(new GetVisitorListQuery(token, visit), HttpContext.RequestAborted);
            return File(list.Csv(), "text/csv; charset=utf-8", "visitors.csv");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnGetPdfAsync(string token, Guid visit)
    {
        try
        {
            return File(await Mediator.Send(new GetVisitorListPdfQuery(token, visit), HttpContext.RequestAborted), "application/pdf", "visitors.pdf");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The first error recorded for one visit's form and field.</summary>
    public string? Error(Guid visitId, string field) =>
        ModelState.TryGetValue($"visit-{visitId:N}.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Host = await Mediator.Send(new GetHostPageQuery(token), HttpContext.RequestAborted);
            Token = token;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
