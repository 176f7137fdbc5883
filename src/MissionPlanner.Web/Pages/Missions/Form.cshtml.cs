using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>The registration form: who may register, and the organisers' own questions.</summary>
public sealed class FormModel(IMediator mediator) : AppPageModel(mediator)
{
    public RegistrationFormView Form { get; private set; } = null!;

    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "edit")]
    public Guid? EditId { get; set; }

    public string PublicLink => HttpContext.RequestServices.GetRequiredService<PublicLinks>().OpenRegistration(Mission.Id);

    public async Task<IActionResult> OnGetAsync(Guid missionId)
    {
        if (!await LoadAsync(missionId))
        {
            return NotFound();
        }

        if (EditId is { } id && Form.Questions.FirstOrDefault(q => q.Id == id) is { } q)
        {
            Input = new QuestionInput { Prompt = q.Prompt, Kind = q.Kind, Options = string.Join("\n", q.Kind == QuestionKind.YesNo ? [] : q.Options), Required = q.Required, Version = q.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostModeAsync(Guid missionId, RegistrationMode mode)
    {
        if (!await LoadAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new SetRegistrationModeCommand(mode) { MissionId = missionId }, besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/form") : Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid missionId)
    {
        if (!await LoadAsync(missionId))
        {
            return NotFound();
        }

        var options = (Input.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ok = EditId is { } id
            ? (await TrySendAsync(new UpdateQuestionCommand(Input.Prompt ?? "", Input.Kind, options, Input.Required, Input.Version)
            { MissionId = missionId, QuestionId = id })).Ok
            : (await TrySendAsync(new AddQuestionCommand(Input.Prompt ?? "", Input.Kind, options, Input.Required) { MissionId = missionId })).Ok;
        return ok ? Redirect($"/missions/{missionId}/form") : Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid missionId, Guid questionId, bool up)
    {
        if (!await LoadAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new MoveQuestionCommand(missionId, questionId, up), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/form") : Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid missionId, Guid questionId)
    {
        if (!await LoadAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new DeleteQuestionCommand(missionId, questionId), besideFields: false);
        return ok ? Redirect($"/missions/{missionId}/form") : Page();
    }

    private async Task<bool> LoadAsync(Guid missionId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        Form = await Mediator.Send(new GetRegistrationFormQuery(missionId), HttpContext.RequestAborted);
        return true;
    }

    public sealed class QuestionInput
    {
        [Display(Name = "Question")]
        public string? Prompt { get; set; }

        [Display(Name = "Kind of answer")]
        public QuestionKind Kind { get; set; }

        [Display(Name = "Options (one per line, for choice questions)")]
        public string? Options { get; set; }

        [Display(Name = "An answer is required")]
        public bool Required { get; set; }

        public int Version { get; set; }
    }

    public static string KindLabel(QuestionKind kind) => kind switch
    {
        QuestionKind.Text => "text",
        QuestionKind.SingleChoice => "one choice",
        QuestionKind.MultipleChoice => "several choices",
        _ => "yes / no",
    };

    public static string ModeLabel(RegistrationMode mode) => mode switch
    {
        RegistrationMode.InvitationOnly => "Invitation only: people register through their personal invitation link",
        RegistrationMode.Open => "Open: anyone with the registration page can register",
        _ => "Approval required: anyone can apply on the registration page; organisers approve or decline (invitees need no approval)",
    };
}
