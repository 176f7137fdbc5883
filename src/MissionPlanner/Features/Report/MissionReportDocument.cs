using System.Globalization;
using MissionPlanner.Documents;

namespace MissionPlanner.Features.Report;

/// <summary>The mission report as the HTML that Chromium prints (templates/documents/mission-report.hbs), charts included as SVG.</summary>
public static class MissionReportDocument
{
    public static string Html(MissionReport report)
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        var charts = ReportCharts.For(report);
        return DocumentTemplates.Render("mission-report", new
        {
            report.Title,
            report.Where,
            report.When,
            Generated = report.GeneratedAt.ToString("d MMMM yyyy, HH:mm 'UTC'", english),
            report.IsEmpty,
            Delegates = ReportCharts.Many(report.Delegates, "confirmed delegate"),
            SectorChart = charts.Sector,
            CountryChart = charts.Country,
            OrganisationChart = charts.Organisation,
            report.ListedDelegates,
            ProgrammeItems = ReportCharts.Many(report.ProgrammeItems, "programme item"),
            report.CancelledItems,
            Attendance = report.Attendance.Select(a => new
            {
                a.Item,
                When = a.StartsLocal.ToString("ddd d MMM HH:mm", english),
                a.CheckedIn,
                Capacity = a.Capacity?.ToString(english) ?? "",
            }).ToList(),
            Visits = ReportCharts.Many(report.Visits, "visit"),
            report.VisitsCancelled,
            Visitors = ReportCharts.Many(report.Visitors, "place"),
            HostChart = charts.Hosts,
            MeetingsHeld = ReportCharts.Many(report.MeetingsHeld, "meeting"),
            report.MeetingsNoShow,
            OutcomeChart = charts.Outcomes,
            report.AgreementsSigned,
            ActionChart = charts.Actions,
            ActionCount = ReportCharts.Many(report.Actions.Sum(a => a.Count), "follow-up action"),
            report.ActionsOverdue,
            Surveys = report.Surveys.Select((s, i) => new
            {
                s.Title,
                s.About,
                s.Responses,
                Anonymous = s.Anonymous ? "anonymous" : "",
                State = s.Status == Domain.Surveys.SurveyStatus.Open ? $"open until {s.ClosesLocal?.ToString("d MMMM yyyy", english)}; results so far" : "closed",
                Questions = s.Questions.Select((q, j) => new { q.Position, q.Text, q.Summary, Chart = charts.Surveys[i][j] }).ToList(),
            }).ToList(),
        });
    }
}
