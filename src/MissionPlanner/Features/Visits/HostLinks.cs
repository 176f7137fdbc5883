using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Links;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Visits;

[DisallowConcurrentExecution]
public sealed class HostRemindersJob(IServiceScopeFactory scopes, ILogger<HostRemindersJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("host-reminders");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new SendHostRemindersCommand(), ct);
}

public sealed record Visitor(string Name, string Organisation, string? JobTitle, DateTime StartsLocal, int Group)
{
    /// <summary>Only for screened visits.</summary>
    public Registrations.IdDetails? Id { get; init; }
}

public sealed record HostVisitGroup(DateTime StartsLocal, DateTime EndsLocal, int Number, int Visitors);

public sealed record HostVisit(
    Guid Id, string Title, string Venue, int DurationMinutes, int MinGroupSize, int MaxGroupSize, int ParallelGroups, string Requirements,
    string Notes, IReadOnlyList<string> Windows, HostResponse Response, string? Message, IReadOnlyList<HostVisitGroup> Groups,
    IReadOnlyList<Visitor> Visitors, bool ScreensVisitors, DateTime? ScreeningDeadlineLocal);

public sealed record HostPage(string HostName, string ContactName, string MissionTitle, string Where, string When, bool Published, IReadOnlyList<HostVisit> Visits);

public sealed record VisitorList(string MissionTitle, string HostName, string VisitTitle, string Venue, bool ScreensVisitors, IReadOnlyList<Visitor> Visitors)
{
    public byte[] Csv() => Common.Csv.Document(
        ScreensVisitors
            ? ["group starts", "group", "name", "organisation", "job title", "nationality", "ID or passport number", "date of birth"]
            : ["group starts", "group", "name", "organisation", "job title"],
        Visitors.Select(v => new[]
        {
            v.StartsLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), v.Group.ToString(CultureInfo.InvariantCulture), v.Name,
            v.Organisation, v.JobTitle,
        }.Concat(ScreensVisitors ? [v.Id?.Nationality, v.Id?.IdNumber, v.Id?.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : [])));

    public string Html() => DocumentTemplates.Render("visitor-list", new
    {
        MissionTitle,
        HostName,
        VisitTitle,
        Venue,
        ScreensVisitors,
        Count = Visitors.Count,
        Groups = Visitors.GroupBy(v => (v.StartsLocal, v.Group)).Select(g => new
        {
            Label = $"{g.Key.StartsLocal.ToString("dddd d MMMM, HH:mm", CultureInfo.GetCultureInfo("en-GB"))}{(Visitors.Any(v => v.Group > 1) ? $", group {g.Key.Group}" : "")}",
            Count = g.Count(),
            People = g.Select(v => new
            {
                v.Name,
                v.Organisation,
                v.JobTitle,
                v.Id?.Nationality,
                v.Id?.IdNumber,
                DateOfBirth = v.Id?.DateOfBirth.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            }).ToList(),
        }).ToList(),
    });
}

internal static class HostTokens
{
    /// <summary>The host behind a link; a wrong, replaced or expired link, or a host with nothing left to receive, is "not found".</summary>
    public static async Task<(VisitHost Host, Mission Mission)> FindAsync(AppDbContext db, PersonalLinks links, string token, CancellationToken ct)
    {
        var link = await links.FindAsync(LinkPurpose.Host, token, ct);
        var host = await db.VisitHosts.FirstOrDefaultAsync(h => h.Id == link.SubjectId, ct) ?? throw new NotFoundException("Host");
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == host.MissionId, ct);
        if (!await db.Visits.AnyAsync(v => v.HostId == host.Id && !v.Cancelled, ct))
        {
            throw new NotFoundException("Host");
        }

        return (host, mission);
    }

    public static Task<List<Visit>> VisitsAsync(AppDbContext db, VisitHost host, Guid? visitId, CancellationToken ct, bool tracked = false) =>
        (tracked ? db.Visits : db.Visits.AsNoTracking())
        .Where(v => v.HostId == host.Id && !v.Cancelled && (visitId == null || v.Id == visitId)).OrderBy(v => v.Title).ToListAsync(ct);
}

internal static class HostEmails
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static async Task RequestAsync(AppDbContext db, OutboxWriter outbox, PublicLinks links, Mission mission, VisitHost host, string token,
        bool reminder, CancellationToken ct)
    {
        var visits = await HostTokens.VisitsAsync(db, host, null, ct);
        var zone = mission.TimeZone;
        var lines = visits.Select(v => $"{v.Title}: " + string.Join("; ", v.WindowList.Select(w =>
            $"{MissionTime.ToLocal(w.Start, zone).ToString("ddd d MMM HH:mm", English)}–{MissionTime.ToLocal(w.End, zone):HH:mm}"))).ToList();
        await outbox.EnqueueAsync("host-request", host.ContactEmail, host.ContactName,
            new EmailModels.HostRequest(host.ContactName, host.Name, mission.Title, PublicLinks.Where(mission),
                PublicLinks.Dates(mission.StartDate, mission.EndDate), lines, links.Host(token), reminder),
            mission.Id, $"host-{host.Id:N}-{(reminder ? $"reminder-{host.Reminders}" : host.LinkSentAt!.Value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture))}", ct);
    }
}
