using System.Net;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using MissionPlanner.Common;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Ceremonies;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>
/// One signing ceremony: parties and people with their order of precedence (and why), the seating
/// diagram, the run of show, the agreements, the checklist and who still has to confirm.
/// </summary>
public sealed class CeremonyModel(IMediator mediator) : AppPageModel(mediator)
{
    public CeremonyView Ceremony { get; private set; } = null!;

    public IReadOnlyList<DelegateRow> Registered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid missionId, Guid ceremonyId) => await LoadAsync(missionId, ceremonyId) ? Page() : NotFound();

    public Task<IActionResult> OnPostSettingsAsync(Guid missionId, Guid ceremonyId, SeatingConvention convention, string? roleRanks, Guid? hostPartyId, int seatsPerRow, int version) =>
        SendAsync(missionId, ceremonyId, new ConfigureCeremonyCommand(convention, roleRanks, hostPartyId, seatsPerRow, version) { MissionId = missionId, CeremonyId = ceremonyId }, "Saved.");

    public Task<IActionResult> OnPostPartyAsync(Guid missionId, Guid ceremonyId, string name) =>
        SendAsync(missionId, ceremonyId, new AddCeremonyPartyCommand(name) { MissionId = missionId, CeremonyId = ceremonyId }, "Party added.");

    public Task<IActionResult> OnPostPersonAsync(Guid missionId, Guid ceremonyId, CeremonyRole role, Guid? registrationId, string? name, string? title,
        string? organisation, string? email, Guid? partyId, int? rank, int? tieBreak, bool speaks) =>
        SendAsync(missionId, ceremonyId, new AddCeremonyPersonCommand(role, name, title, organisation, email)
        {
            MissionId = missionId,
            CeremonyId = ceremonyId,
            RegistrationId = registrationId,
            PartyId = partyId,
            Rank = rank,
            TieBreak = tieBreak,
            Speaks = speaks,
        }, "Added.");

    public Task<IActionResult> OnPostPlaceAsync(Guid missionId, Guid ceremonyId, Guid personId, Guid? partyId, int? rank, int? tieBreak, bool speaks) =>
        SendAsync(missionId, ceremonyId, new PlaceCeremonyPersonCommand(partyId, rank, tieBreak, speaks) { MissionId = missionId, CeremonyId = ceremonyId, PersonId = personId }, "Saved.");

    public Task<IActionResult> OnPostRemovePersonAsync(Guid missionId, Guid ceremonyId, Guid personId) =>
        SendAsync(missionId, ceremonyId, new RemoveCeremonyPersonCommand(missionId, ceremonyId, personId), "Removed.");

    public Task<IActionResult> OnPostLineAsync(Guid missionId, Guid ceremonyId, Guid? lineId, string title, string? owner, int gapBeforeMinutes, int minutes, int? position) =>
        SendAsync(missionId, ceremonyId, new SaveRunOfShowLineCommand(title, owner, gapBeforeMinutes, minutes)
        { MissionId = missionId, CeremonyId = ceremonyId, LineId = lineId, Position = position }, "Run of show saved.");

    public Task<IActionResult> OnPostShiftAsync(Guid missionId, Guid ceremonyId, Guid lineId, int minutes) =>
        SendAsync(missionId, ceremonyId, new ShiftRunOfShowLineCommand(missionId, ceremonyId, lineId, minutes), $"Moved {(minutes > 0 ? "later" : "earlier")} by {Math.Abs(minutes)} minutes, with every line after it.");

    public Task<IActionResult> OnPostRemarksAsync(Guid missionId, Guid ceremonyId, int minutesEach) =>
        SendAsync(missionId, ceremonyId, new PlanRemarksCommand(missionId, ceremonyId, minutesEach), "Remarks planned in speaking order.");

    public Task<IActionResult> OnPostRemoveLineAsync(Guid missionId, Guid ceremonyId, Guid lineId) =>
        SendAsync(missionId, ceremonyId, new RemoveRunOfShowLineCommand(missionId, ceremonyId, lineId), "Line removed.");

    public Task<IActionResult> OnPostAgreementAsync(Guid missionId, Guid ceremonyId, Guid? agreementId, string title, string languages, int originals, string? broughtBy, AgreementStatus status) =>
        SendAsync(missionId, ceremonyId, new SaveAgreementCommand(title, languages, originals, broughtBy, status)
        { MissionId = missionId, CeremonyId = ceremonyId, AgreementId = agreementId }, "Agreement saved.");

    public Task<IActionResult> OnPostTaskAsync(Guid missionId, Guid ceremonyId, string title, string owner, string ownerEmail, DateOnly dueDate) =>
        SendAsync(missionId, ceremonyId, new AddCeremonyTaskCommand(title, owner, ownerEmail, dueDate) { MissionId = missionId, CeremonyId = ceremonyId }, "Task added.");

    public Task<IActionResult> OnPostDoneAsync(Guid missionId, Guid ceremonyId, Guid taskId, bool done) =>
        SendAsync(missionId, ceremonyId, new CompleteCeremonyTaskCommand(missionId, ceremonyId, taskId, done), done ? "Marked done." : "Reopened.");

    public async Task<IActionResult> OnPostAskAsync(Guid missionId, Guid ceremonyId)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, asked) = await TrySendAsync(new AskCeremonyConfirmationsCommand(missionId, ceremonyId), besideFields: false);
        if (ok)
        {
            TempData["Notice"] = asked == 0 ? "Everyone with an email address has been asked already." : $"Asked {Counted.People(asked)} to confirm.";
            return Redirect($"/missions/{missionId}/ceremonies/{ceremonyId}#confirmations");
        }

        return await LoadAsync(missionId, ceremonyId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid missionId, Guid ceremonyId, CeremonyDocumentKind kind)
    {
        try
        {
            var pdf = await Mediator.Send(new GetCeremonyPdfQuery(missionId, ceremonyId, kind), HttpContext.RequestAborted);
            return File(pdf, "application/pdf", $"{kind.ToString().ToLowerInvariant()}.pdf");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The signing table and front rows as seen from the audience, drawn as SVG (names encoded).</summary>
    public IHtmlContent SeatingSvg()
    {
        var c = Ceremony;
        const int seat = 130;
        var width = Math.Max(Math.Max(c.Table.Count, c.FrontRows.Select(r => r.Count).DefaultIfEmpty(0).Max()), 2) * seat + 20;
        var height = 90 + c.FrontRows.Count * 70 + 40;
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var svg = new StringBuilder(FormattableString.Invariant(
            $"<svg class=\"seating\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Seating plan: the signing table and the front rows, as seen from the audience\">"));
        svg.Append(FormattableString.Invariant($"<rect x=\"10\" y=\"10\" width=\"{width - 20}\" height=\"60\" fill=\"#eef0f3\" stroke=\"#1b1f24\"/>"));
        svg.Append(FormattableString.Invariant($"<text x=\"{width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"11\">Signing table</text>"));
        for (var i = 0; i < c.Table.Count; i++)
        {
            var x = (width - c.Table.Count * seat) / 2 + i * seat + 5;
            svg.Append(FormattableString.Invariant($"<rect x=\"{x}\" y=\"30\" width=\"120\" height=\"34\" rx=\"4\" fill=\"#ffffff\" stroke=\"#0b5cad\"/>"));
            svg.Append(FormattableString.Invariant($"<text x=\"{x + 60}\" y=\"45\" text-anchor=\"middle\" font-size=\"10\">{c.Table[i].Position}. {E(c.Table[i].Name)}</text>"));
            svg.Append(FormattableString.Invariant($"<text x=\"{x + 60}\" y=\"58\" text-anchor=\"middle\" font-size=\"9\" fill=\"#555e69\">{E(c.Table[i].Party)}</text>"));
        }

        for (var row = 0; row < c.FrontRows.Count; row++)
        {
            var seats = c.FrontRows[row];
            for (var i = 0; i < seats.Count; i++)
            {
                var (x, y) = ((width - seats.Count * seat) / 2 + i * seat + 5, 90 + row * 70);
                svg.Append(FormattableString.Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"120\" height=\"50\" rx=\"4\" fill=\"#ffffff\" stroke=\"#8a96a3\"/>"));
                svg.Append(FormattableString.Invariant($"<text x=\"{x + 60}\" y=\"{y + 20}\" text-anchor=\"middle\" font-size=\"10\">{E(seats[i].Name)}</text>"));
                svg.Append(FormattableString.Invariant($"<text x=\"{x + 60}\" y=\"{y + 36}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#555e69\">Row {row + 1}, seat {seats[i].Position}</text>"));
            }
        }

        svg.Append(FormattableString.Invariant($"<text x=\"{width / 2}\" y=\"{height - 15}\" text-anchor=\"middle\" font-size=\"11\">audience</text></svg>"));
        return new HtmlString(svg.ToString());
    }

    private async Task<IActionResult> SendAsync<T>(Guid missionId, Guid ceremonyId, IRequest<T> request, string notice)
    {
        if (!await LoadMissionAsync(missionId))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(request, besideFields: false);
        if (ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/missions/{missionId}/ceremonies/{ceremonyId}");
        }

        return await LoadAsync(missionId, ceremonyId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid missionId, Guid ceremonyId)
    {
        if (Mission is null && !await LoadMissionAsync(missionId))
        {
            return false;
        }

        try
        {
            Ceremony = await Mediator.Send(new GetCeremonyQuery(missionId, ceremonyId), HttpContext.RequestAborted);
            Registered = Mission?.CanEdit == true ? (await Mediator.Send(new GetDelegationQuery(missionId), HttpContext.RequestAborted)).People : [];
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
