using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.FollowUp;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Report;

/// <summary>A label and how many: one bar of a chart.</summary>
public sealed record ReportCount(string Label, int Count);

/// <summary>Check-ins at one programme item that has happened (badge scans, one per person).</summary>
public sealed record ReportAttendance(string Item, DateTime StartsLocal, int CheckedIn, int? Capacity);

/// <summary>
/// What came of a mission, for its funders: counts by default; names only of delegates who agreed to
/// be listed. A mission with no data gives an honest empty report (every count zero, every list
/// empty), never an error.
/// </summary>
/// <param name="Delegates">Confirmed registrations.</param>
/// <param name="ByCountry">By the country of the delegate's organisation as recorded in the mission's organisations; "not recorded" otherwise.</param>
/// <param name="ListedDelegates">"Name, Organisation" of the confirmed delegates who agreed to be listed.</param>
/// <param name="ProgrammeItems">Items in the programme, cancelled ones included; B2B meeting and visit items are counted in their own sections.</param>
/// <param name="Attendance">Items that have started, with their check-ins, in programme order.</param>
/// <param name="HostResponses">Visits not cancelled, by the host's answer.</param>
/// <param name="Visitors">Places on visits not cancelled, held by confirmed delegates.</param>
/// <param name="MeetingsHeld">Published B2B meetings that are over (their item not cancelled), less those where a side did not come.</param>
/// <param name="MeetingOutcomes">Meetings by their outcome: the furthest result any side reported in the latest round answered.</param>
/// <param name="Actions">Follow-up actions by status; <paramref name="ActionsOverdue"/> of them open and past their day.</param>
/// <param name="Surveys">Surveys that were sent, in the order they went out: counts per question, never names or written answers (which may name people).</param>
public sealed record MissionReport(
    Guid MissionId, string Title, string Where, string When, DateTime GeneratedAt,
    int Delegates, IReadOnlyList<ReportCount> BySector, IReadOnlyList<ReportCount> ByCountry, IReadOnlyList<ReportCount> ByOrganisation,
    IReadOnlyList<string> ListedDelegates,
    int ProgrammeItems, IReadOnlyList<string> CancelledItems, IReadOnlyList<ReportAttendance> Attendance,
    int Visits, int VisitsCancelled, IReadOnlyList<ReportCount> HostResponses, int Visitors,
    int MeetingsHeld, int MeetingsNoShow, IReadOnlyList<ReportCount> MeetingOutcomes,
    IReadOnlyList<string> AgreementsSigned,
    IReadOnlyList<ReportCount> Actions, int ActionsOverdue,
    IReadOnlyList<Surveys.SurveyResults> Surveys)
{
    /// <summary>Nothing recorded yet: no delegate, no programme item, no visit, no meeting, no action, no survey sent.</summary>
    public bool IsEmpty => Delegates == 0 && ProgrammeItems == 0 && Visits + VisitsCancelled == 0 && MeetingsHeld + MeetingsNoShow == 0 && Actions.Count == 0
                           && Surveys.Count == 0;
}

/// <summary>Builds the <see cref="MissionReport"/> (for the page, the API and the PDF the document job prints).</summary>
internal static class MissionReports
{
    public static async Task<MissionReport> BuildAsync(AppDbContext db, Guid missionId, DateTime now, CancellationToken ct)
    {
        var mission = await db.MissionAsync(missionId, ct);
        var zone = mission.TimeZone;

        var delegates = await db.Registrations.AsNoTracking()
            .Where(r => r.MissionId == missionId && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null)
            .Select(r => new { r.Name, r.Organisation, r.Sector, r.ConsentListing }).ToListAsync(ct);
        var countries = (await db.Organisations.AsNoTracking().Where(o => o.MissionId == missionId).Select(o => new { o.Name, o.Country }).ToListAsync(ct))
            .GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Country, StringComparer.OrdinalIgnoreCase);

        // The programme as planned: B2B meeting and visit-group items have their own sections (and name people).
        var items = await db.ProgrammeItems.AsNoTracking().Where(i => i.MissionId == missionId && i.MeetingId == null && i.VisitId == null).OrderBy(i => i.StartsAt)
            .Select(i => new { i.Id, i.Title, i.StartsAt, i.Cancelled, i.Capacity }).ToListAsync(ct);
        var checkIns = await db.Attendances.AsNoTracking().Where(a => a.MissionId == missionId)
            .GroupBy(a => a.ProgrammeItemId).Select(g => new { g.Key, People = g.Select(a => a.RegistrationId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.People, ct);

        var visits = await db.Visits.AsNoTracking().Where(v => v.MissionId == missionId).Select(v => new { v.Id, v.Cancelled, v.HostResponse }).ToListAsync(ct);
        var liveVisits = visits.Where(v => !v.Cancelled).Select(v => v.Id).ToList();
        var visitors = await (from a in db.VisitAssignments.AsNoTracking()
                              join r in db.Registrations on a.RegistrationId equals r.Id
                              where liveVisits.Contains(a.VisitId) && r.Status == RegistrationStatus.Confirmed
                              select a.Id).CountAsync(ct);

        // Held: published, its item not cancelled, and over (as the outcome questions count them).
        var meetings = await (from m in db.Meetings.AsNoTracking()
                              join i in db.ProgrammeItems on m.ProgrammeItemId equals i.Id
                              where m.MissionId == missionId && !i.Cancelled && i.EndsAt <= now
                              select new { m.NoShow }).ToListAsync(ct);
        // One result per meeting: the furthest any side reported in the latest round answered.
        var answers = await db.MeetingOutcomes.AsNoTracking().Where(o => o.MissionId == missionId && o.Result != null)
            .Select(o => new { o.MeetingId, o.Round, o.Result }).ToListAsync(ct);
        var outcomes = answers.GroupBy(o => o.MeetingId)
            .Select(g => g.Where(o => o.Round == g.Max(x => x.Round)).Max(o => o.Result!.Value))
            .GroupBy(r => r).Select(g => new { g.Key, Count = g.Count() }).ToList();

        var signed = await (from a in db.CeremonyAgreements.AsNoTracking()
                            join c in db.Ceremonies on a.CeremonyId equals c.Id
                            where c.MissionId == missionId && a.Status == AgreementStatus.Signed
                            orderby a.Title
                            select a.Title).ToListAsync(ct);

        var actions = await db.FollowUpActions.AsNoTracking().Where(a => a.MissionId == missionId).Select(a => new { a.Status, a.DueDate }).ToListAsync(ct);
        var today = MissionTime.LocalDate(now, zone);
        var sent = await db.Surveys.AsNoTracking().Include(s => s.Questions)
            .Where(s => s.MissionId == missionId && (s.Status == Domain.Surveys.SurveyStatus.Open || s.Status == Domain.Surveys.SurveyStatus.Closed))
            .OrderBy(s => s.SentAt).ToListAsync(ct);
        var surveys = (await Surveys.SurveyResultsBuilder.BuildAsync(db, mission, sent, ct))
            .Select(r => r with { Questions = r.Questions.Select(q => q with { Texts = [] }).ToList() }).ToList();

        return new MissionReport(mission.Id, mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate), now,
            delegates.Count,
            Counts(delegates.Select(d => d.Sector == Sector.StartUp ? "Start-up" : d.Sector.ToString())),
            Counts(delegates.Select(d => countries.GetValueOrDefault(d.Organisation) is { Length: > 0 } c ? c : "not recorded")),
            Counts(delegates.Select(d => d.Organisation)),
            delegates.Where(d => d.ConsentListing).OrderBy(d => d.Name, StringComparer.CurrentCulture).Select(d => $"{d.Name}, {d.Organisation}").ToList(),
            items.Count,
            items.Where(i => i.Cancelled).Select(i => $"{i.Title} ({MissionTime.ToLocal(i.StartsAt, zone).ToString("ddd d MMM HH:mm", CultureInfo.GetCultureInfo("en-GB"))})").ToList(),
            items.Where(i => !i.Cancelled && i.StartsAt <= now)
                .Select(i => new ReportAttendance(i.Title, MissionTime.ToLocal(i.StartsAt, zone), checkIns.GetValueOrDefault(i.Id), i.Capacity)).ToList(),
            liveVisits.Count, visits.Count(v => v.Cancelled),
            Counts(visits.Where(v => !v.Cancelled).Select(v => v.HostResponse switch
            {
                HostResponse.Confirmed => "confirmed by the host",
                HostResponse.Declined => "declined by the host",
                HostResponse.ChangeProposed => "change proposed",
                _ => "no answer",
            })),
            visitors,
            meetings.Count(m => m.NoShow is null), meetings.Count(m => m.NoShow is not null),
            outcomes.OrderBy(o => o.Key).Select(o => new ReportCount(Words(o.Key.ToString()), o.Count)).ToList(),
            signed,
            Counts(actions.Select(a => FollowUpAction.Describe(a.Status))),
            actions.Count(a => (a.Status is ActionStatus.Open or ActionStatus.InProgress) && a.DueDate < today),
            surveys);
    }

    /// <summary>Most first, then by label.</summary>
    private static List<ReportCount> Counts(IEnumerable<string> labels) =>
        labels.GroupBy(l => l, StringComparer.CurrentCultureIgnoreCase).Select(g => new ReportCount(g.First(), g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.CurrentCulture).ToList();

    /// <summary>"AgreementReached" → "agreement reached".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>The report's charts as SVG, one definition for the page and the PDF.</summary>
/// <param name="Surveys">Per sent survey (in the report's order), per question: its chart, or "" for a text question.</param>
public sealed record ReportChartSet(string Sector, string Country, string Organisation, string Hosts, string Outcomes, string Actions,
    IReadOnlyList<IReadOnlyList<string>> Surveys);

/// <summary>
/// Horizontal bar charts drawn as SVG on the server, for pages and PDFs alike: one bar per count,
/// its label and number written beside it, so the chart reads without colour and a screen reader
/// gets the same as a title and description.
/// </summary>
public static class ReportCharts
{
    public static ReportChartSet For(MissionReport report) => new(
        Bars("Delegates by sector", report.BySector),
        Bars("Delegates by country of their organisation", report.ByCountry),
        Bars("Delegates by organisation", report.ByOrganisation),
        Bars("Visits by the host's answer", report.HostResponses),
        Bars("B2B meeting outcomes", report.MeetingOutcomes),
        Bars("Follow-up actions by status", report.Actions),
        report.Surveys.Select(Survey).ToList());

    /// <summary>A survey's charts, one per question: ratings 1 (poor) to 5 (excellent) and options in the organiser's order, zeros shown; "" for text.</summary>
    public static IReadOnlyList<string> Survey(Surveys.SurveyResults survey) =>
        survey.Questions.Select(q => q.Kind switch
        {
            Domain.Surveys.SurveyQuestionKind.Text => "",
            Domain.Surveys.SurveyQuestionKind.Rating => Bars($"{q.Position}. {q.Text}", q.Counts.Select(c => c with
            {
                Label = c.Label switch { "1" => "1 (poor)", "5" => "5 (excellent)", var l => l },
            }).ToList()),
            _ => Bars($"{q.Position}. {q.Text}", q.Counts, maxBars: 20),
        }).ToList();

    /// <summary>"1 visit", "3 visits": a count with its noun.</summary>
    public static string Many(int count, string singular, string? plural = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";

    public static string Bars(string title, IReadOnlyList<ReportCount> counts, int maxBars = 12)
    {
        if (counts.Count == 0)
        {
            return "";
        }

        var shown = counts.Take(maxBars).ToList();
        if (counts.Count > maxBars)
        {
            shown.Add(new ReportCount($"{counts.Count - maxBars} more", counts.Skip(maxBars).Sum(c => c.Count)));
        }

        // Narrow enough for a phone (a 360-unit drawing shown about 1:1, so text stays at its size): each label on its own line above
        // its bar. About 7 units a character at 13: 50 fit across; the title wraps onto a second line, and the full texts stay in
        // <title> and <desc> for screen readers.
        const int width = 360, row = 36, barWidth = 300, line = 17;
        var titleLines = Wrap(title, 48, 2);
        var heading = titleLines.Count * line + 6;
        var max = Math.Max(1, shown.Max(c => c.Count));
        var inv = CultureInfo.InvariantCulture;
        var height = heading + shown.Count * row + 4;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        svg.Append(inv, $"<title>{WebUtility.HtmlEncode(title)}</title><desc>{WebUtility.HtmlEncode(string.Join("; ", shown.Select(c => $"{c.Label}: {c.Count}")))}</desc>");
        for (var t = 0; t < titleLines.Count; t++)
        {
            svg.Append(inv, $"<text x=\"0\" y=\"{14 + t * line}\" font-size=\"14\" font-weight=\"bold\" fill=\"#1b1f24\">{WebUtility.HtmlEncode(titleLines[t])}</text>");
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var y = heading + i * row;
            var length = Math.Max(2, (int)Math.Round((double)shown[i].Count / max * barWidth));
            var label = shown[i].Label.Length > 50 ? shown[i].Label[..49] + "…" : shown[i].Label;
            svg.Append(inv, $"<text x=\"0\" y=\"{y + 13}\" font-size=\"13\" fill=\"#1b1f24\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(inv, $"<rect x=\"0\" y=\"{y + 18}\" width=\"{length}\" height=\"12\" fill=\"#2563a8\" rx=\"2\"/>");
            svg.Append(inv, $"<text x=\"{length + 6}\" y=\"{y + 29}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b1f24\">{shown[i].Count}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Words on at most <paramref name="lines"/> lines of <paramref name="width"/> characters; what does not fit ends in "…".</summary>
    private static List<string> Wrap(string text, int width, int lines)
    {
        var result = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                result.Add(current);
                current = "";
            }

            current = current.Length == 0 ? word : current + " " + word;
        }

        result.Add(current);
        if (result.Count > lines)
        {
            result = result.Take(lines).ToList();
            result[^1] = (result[^1].Length > width - 1 ? result[^1][..(width - 1)] : result[^1]) + "…";
        }

        return result.Select(l => l.Length > width ? l[..(width - 1)] + "…" : l).ToList();
    }
}
