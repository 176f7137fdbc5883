using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>The participant's own page behind their personal link.</summary>
public sealed class MyRegistrationModel(IMediator mediator) : AppPageModel(mediator)
{
    public MyRegistrationView Registration { get; private set; } = null!;

    public RegistrationFormView Form { get; private set; } = null!;

    public string Token { get; private set; } = "";

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        Input = RegistrationInput.From(Registration);
        Input.Form = Form;
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        Input.Form = Form;
        Input.IdDetailsOnFile = Registration.IdDetailsOnFile;
        var (ok, _) = await TrySendAsync(new UpdateMyRegistrationCommand(token, Input.ToDetails()));
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
        }

        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        Input = RegistrationInput.From(Registration);
        Input.Form = Form;
        return Page();
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Registration = await Mediator.Send(new GetMyRegistrationQuery(token), HttpContext.RequestAborted);
            Token = token;
            Form = await Mediator.Send(new GetRegistrationFormQuery(Registration.MissionId), HttpContext.RequestAborted);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
