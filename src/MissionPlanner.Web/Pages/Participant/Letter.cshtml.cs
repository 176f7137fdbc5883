using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Letters;

namespace MissionPlanner.Web.Pages.Participant;

/// <summary>A confirmed delegate asks for a visa or support letter and downloads it once issued (/r/…/letter).</summary>
public sealed class LetterModel(IMediator mediator) : AppPageModel(mediator)
{
    public MyVisaLetterView Letter { get; private set; } = null!;

    public string Token { get; private set; } = "";

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new RequestMyVisaLetterCommand(token, Input.Purpose, Input.Nationality, Input.IdNumber, Input.DateOfBirth));
        if (ok)
        {
            TempData["Notice"] = "Your request is with the organisers. You get an email when your letter is ready.";
            return Redirect($"/r/{token}/letter");
        }

        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string token)
    {
        try
        {
            var file = await Mediator.Send(new GetMyVisaLetterFileQuery(token), HttpContext.RequestAborted);
            return File(file.Content, "application/pdf", file.FileName);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            Letter = await Mediator.Send(new GetMyVisaLetterQuery(token), HttpContext.RequestAborted);
            Token = token;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public sealed class RequestInput
    {
        public string? Purpose { get; set; }
        public string? Nationality { get; set; }
        public string? IdNumber { get; set; }
        public DateOnly? DateOfBirth { get; set; }
    }
}
