using MediatR;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Features.Invitations;

namespace MissionPlanner.Web.Pages.Missions;

/// <remarks>The confirming import post carries the file as base64: up to <see cref="Spreadsheet.MaxBytes"/> × 4/3.</remarks>
[RequestFormLimits(ValueLengthLimit = Spreadsheet.MaxBytes / 3 * 4 + 4)]
public sealed class InvitationsModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [BindProperty]
    public ScheduleInput Schedule { get; set; } = new();

    public IReadOnlyList<InvitationDto> Invitations { get; private set; } = [];
    public ImportCheck? Import { get; private set; }

    public int Count(InvitationStatus status) => Invitations.Count(i => i.Status == status);

    public async Task<IActionResult> OnGetAsync(Guid missionId) => await LoadAsync(missionId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(Guid missionId)
    {
        ModelState.Clear();
        var (ok, _) = await TrySendAsync(new InviteParticipantCommand(Invite.Email ?? "", Invite.Name ?? "", Invite.Organisation, Invite.Message)
        { MissionId = missionId }, prefix: "Invite");
        return await AfterAsync(missionId, ok, $"Invitation to {Invite.Email} is on its way.");
    }

    /// <summary>Reads the uploaded list and shows how it was understood; nobody is invited until the organiser confirms.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid missionId, IFormFile? csv)
    {
        ModelState.Clear();
        Import = await PreviewImportAsync(csv, file => new ImportInvitationsCommand(null, File: file, Preview: true) { MissionId = missionId }, "Invite", "invited");
        return await LoadAsync(missionId, keepInput: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostImportConfirmedAsync(Guid missionId, string? file, bool validOnly)
    {
        ModelState.Clear();
        var (done, imported, check) = await ConfirmImportAsync(file, bytes => new ImportInvitationsCommand(null, validOnly, File: bytes) { MissionId = missionId },
            "Invite", "invited");
        if (done)
        {
            return await AfterAsync(missionId, true, $"{Counted.Of(imported, "invitation")} {(imported == 1 ? "is" : "are")} on their way; follow them in the outbox.");
        }

        Import = check;
        return await LoadAsync(missionId, keepInput: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid missionId)
    {
        ModelState.Clear();
        var days = new List<int>();
        foreach (var part in (Schedule.ReminderDays ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var day))
            {
                ModelState.AddModelError("Schedule.ReminderDays", $"'{part}' is not a number of days.");
                return await AfterAsync(missionId, false, null);
            }

            days.Add(day);
        }

        var (ok, _) = await TrySendAsync(new SetRegistrationScheduleCommand(Schedule.Deadline, days) { MissionId = missionId }, prefix: "Schedule");
        return await AfterAsync(missionId, ok, "Schedule saved.");
    }

    public async Task<IActionResult> OnPostResendAsync(Guid missionId, Guid invitationId)
    {
        var (ok, _) = await TrySendAsync(new ResendInvitationCommand(missionId, invitationId), besideFields: false);
        return await AfterAsync(missionId, ok, "Sent again with a new link; the old link no longer works.");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid missionId, Guid invitationId)
    {
        var (ok, _) = await TrySendAsync(new RevokeInvitationCommand(missionId, invitationId), besideFields: false);
        return await AfterAsync(missionId, ok, "Invitation revoked: its link no longer works.");
    }

    private async Task<IActionResult> AfterAsync(Guid missionId, bool ok, string? notice)
    {
        if (ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/missions/{missionId}/invitations");
        }

        return await LoadAsync(missionId, keepInput: true) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId, bool keepInput = false)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return false;
        }

        Invitations = await Mediator.Send(new ListInvitationsQuery(missionId), HttpContext.RequestAborted);
        if (!keepInput)
        {
            Schedule = new ScheduleInput { Deadline = Mission.RegistrationDeadline, ReminderDays = Mission.ReminderDays.Replace(",", ", ") };
        }

        return true;
    }

    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Organisation { get; set; }
        public string? Message { get; set; }
    }

    public sealed class ScheduleInput
    {
        public DateOnly? Deadline { get; set; }
        public string? ReminderDays { get; set; }
    }
}
