using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Features.EmailTemplates;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Web.Pages.Missions;

public sealed class EmailsModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? InvitationId { get; set; }

    public IEnumerable<string> Templates => Messaging.EmailTemplates.Builtin.Keys.Order();
    public MissionTemplateDto? Current { get; private set; }
    public IReadOnlyList<InvitationDto> Invitees { get; private set; } = [];
    public RenderedEmail? Preview { get; private set; }
    public string? PreviewError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadAsync(missionId))
        {
            return NotFound();
        }

        if (Current is not null)
        {
            Input = new TemplateInput { Subject = Current.Source.Subject, Html = Current.Source.Html, Text = Current.Source.Text };
        }

        return Page();
    }

    /// <summary>The HTML part alone, for the sandboxed preview frame; its own policy allows the email's inline styles.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(Guid missionId)
    {
        if (!await LoadAsync(missionId) || Preview is null)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(Preview.Html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId) || Template is null)
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new SaveMissionTemplateCommand(Input.Subject ?? "", Input.Html ?? "", Input.Text ?? "")
        {
            MissionId = missionId,
            Template = Template,
        });
        if (ok)
        {
            TempData["Notice"] = "Saved. New emails use this wording.";
            return Redirect($"/missions/{missionId}/emails/{Template}");
        }

        return await LoadAsync(missionId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostResetAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId) || Template is null)
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new ResetMissionTemplateCommand(missionId, Template), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/emails/{Template}") : await LoadAsync(missionId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        Template ??= Templates.First();
        if (!Messaging.EmailTemplates.Builtin.ContainsKey(Template))
        {
            return false;
        }

        Current = await Mediator.Send(new GetMissionTemplateQuery(missionId, Template));
        Invitees = await Mediator.Send(new ListInvitationsQuery(missionId));
        try
        {
            Preview = await Mediator.Send(new PreviewMissionTemplateQuery(missionId, Template, null, InvitationId));
        }
        catch (TemplateException ex)
        {
            PreviewError = ex.Message;
        }

        return true;
    }

    public sealed class TemplateInput
    {
        public string? Subject { get; set; }
        public string? Html { get; set; }
        public string? Text { get; set; }
    }
}
