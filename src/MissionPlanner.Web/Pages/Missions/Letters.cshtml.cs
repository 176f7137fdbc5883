using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.Letters;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// The Letters page (organisers only: letters carry passport numbers): the visa and support letter template, and the
/// delegates' requests, each with the letter as it would read, to approve (printed and emailed by the letter job) or
/// decline with a reason.
/// </summary>
public sealed class LettersModel(IMediator mediator) : AppPageModel(mediator)
{
    public LetterTemplateView Template { get; private set; } = null!;

    public IReadOnlyList<VisaLetterView> Requests { get; private set; } = [];

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadAsync(missionId))
        {
            return MissionNotFound();
        }

        Input = new TemplateInput
        {
            Letterhead = Template.Letterhead,
            Wording = Template.Wording,
            SignatoryName = Template.SignatoryName,
            SignatoryTitle = Template.SignatoryTitle,
            Version = Template.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostTemplateAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(new SetLetterTemplateCommand(Input.Letterhead, Input.Wording, Input.SignatoryName, Input.SignatoryTitle, Input.Version)
        { MissionId = missionId });
        if (ok)
        {
            TempData["Notice"] = "The letter is saved.";
            return Redirect($"/missions/{missionId}/letters");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid missionId, Guid letterId, int? version, string? fingerprint) =>
        ActAsync(missionId, new ApproveVisaLetterCommand(version, fingerprint) { MissionId = missionId, LetterId = letterId }, "Approved: the letter is printed and emailed in a minute or two.");

    public Task<IActionResult> OnPostDeclineAsync(Guid missionId, Guid letterId, string? reason) =>
        ActAsync(missionId, new DeclineVisaLetterCommand(reason) { MissionId = missionId, LetterId = letterId }, "Declined; the delegate is emailed the reason.");

    public async Task<IActionResult> OnGetPdfAsync(Guid missionId, Guid letterId)
    {
        try
        {
            var file = await Mediator.Send(new GetVisaLetterFileQuery(missionId, letterId), HttpContext.RequestAborted);
            return File(file.Content, "application/pdf", file.FileName);
        }
        catch (Domain.Common.NotFoundException)
        {
            return NotFound();
        }
        catch (Domain.Common.ForbiddenException)
        {
            return Forbid();
        }
    }

    private async Task<IActionResult> ActAsync<T>(Guid missionId, IRequest<T> command, string notice)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return MissionNotFound();
        }

        var (ok, _) = await TrySendAsync(command, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/missions/{missionId}/letters#requests");
        }

        return await LoadAsync(missionId) ? Page() : MissionNotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        if (!Mission!.CanEdit)
        {
            Template = new LetterTemplateView("", "", "", "", new Dictionary<string, string>(), 0);
            return true;
        }

        Template = await Mediator.Send(new GetLetterTemplateQuery(missionId), HttpContext.RequestAborted);
        Requests = await Mediator.Send(new ListVisaLettersQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class TemplateInput
    {
        public string? Letterhead { get; set; }
        public string? Wording { get; set; }
        public string? SignatoryName { get; set; }
        public string? SignatoryTitle { get; set; }
        public int? Version { get; set; }
    }
}
