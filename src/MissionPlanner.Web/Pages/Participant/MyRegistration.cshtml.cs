using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Registration;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>The participant's own page behind their personal link.</summary>
public sealed class MyRegistrationModel(IMediator mediator) : AppPageModel(mediator)
{
    public MyRegistrationView Registration { get; private set; } = null!;

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        Input = RegistrationInput.From(Registration);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var i = Input;
        var (ok, _) = await TrySendAsync(new UpdateMyRegistrationCommand(token, i.Name ?? "", i.Phone, i.Organisation ?? "", i.Sector, i.JobTitle,
            i.Role, i.DietaryText, i.Accessibility, i.ConsentProcessing, i.ConsentPhotos, i.ConsentListing,
            Unspecified(i.ArrivalAt), i.ArrivalBy, Unspecified(i.DepartureAt), i.DepartureBy, i.AccommodationNeeded, i.EmergencyContact));
        if (!ok)
        {
            return Page();
        }

        TempData["Notice"] = "Your changes are saved.";
        return Redirect($"/r/{Uri.EscapeDataString(token)}");
    }

    /// <summary>Everything held about the person, as a JSON file (GET: reading changes nothing).</summary>
    public async Task<IActionResult> OnGetDataAsync(string token)
    {
        try
        {
            var json = await Mediator.Send(new ExportPersonalDataQuery(token), HttpContext.RequestAborted);
            return File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", "my-registration.json");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostCancelAsync(string token)
    {
        try
        {
            await Mediator.Send(new CancelMyRegistrationCommand(token), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return await LoadAsync(token) ? Page() : NotFound();
        }

        return await LoadAsync(token) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Registration = await Mediator.Send(new GetMyRegistrationQuery(token), HttpContext.RequestAborted);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
