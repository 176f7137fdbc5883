using System.Globalization;
using System.IO.Compression;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Links;
using MissionPlanner.Jobs;
using Quartz;

namespace MissionPlanner.Features.Documents;

public sealed record DocumentRunView(
    Guid Id, DocumentKind Kind, int Version, string Reason, DocumentRunStatus Status, int Total, int Done, string? Error, DateTime CreatedAt,
    DateTime? FinishedAt, IReadOnlyList<string> Files);

public sealed class DocumentRunsJob(IServiceScopeFactory scopes, ILogger<DocumentRunsJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("document-runs");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new ProcessDocumentRunsCommand(), ct);
}

/// <summary>Prints one generation: every file in its own version folder, progress saved as it goes.</summary>
internal sealed class DocumentGeneration(AppDbContext db, PdfRenderer renderer, DataDirectory data, PersonalLinks links,
    CheckIn.CheckInLinks checkIn, Microsoft.Extensions.Options.IOptions<DocumentOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<Guid> RequestAsync(AppDbContext db, Guid missionId, DocumentKind kind, string reason, DateTime now, CancellationToken ct)
    {
        var waiting = db.DocumentRuns.Local.FirstOrDefault(r => r.MissionId == missionId && r.Kind == kind && r.Status == DocumentRunStatus.Queued)?.Id
            ?? await db.DocumentRuns.Where(r => r.MissionId == missionId && r.Kind == kind && r.Status == DocumentRunStatus.Queued)
                .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (waiting is { } id)
        {
            return id;
        }

        var local = db.DocumentRuns.Local.Where(r => r.MissionId == missionId && r.Kind == kind).Select(r => r.Version).DefaultIfEmpty(0).Max();
        var stored = await db.DocumentRuns.Where(r => r.MissionId == missionId && r.Kind == kind).Select(r => (int?)r.Version).MaxAsync(ct) ?? 0;
        var run = new DocumentRun(missionId, kind, Math.Max(local, stored) + 1, reason, now);
        db.DocumentRuns.Add(run);
        return run.Id;
    }

    /// <summary>After a programme change: documents that were generated before are generated again (<see cref="ReprintAfterProgrammeChange"/>).</summary>
    public static async Task RefreshAsync(AppDbContext db, Guid missionId, DateTime now, CancellationToken ct)
    {
        var generated = await db.DocumentRuns.Where(r => r.MissionId == missionId
                && (r.Kind == DocumentKind.Itineraries || r.Kind == DocumentKind.Booklet || r.Kind == DocumentKind.MissionReport))
            .Select(r => r.Kind).Distinct().ToListAsync(ct);
        foreach (var kind in generated)
        {
            await RequestAsync(db, missionId, kind, "the programme changed", now, ct);
        }
    }

    /// <summary>A mission report printed before is printed again, since what it counts changed (<paramref name="reason"/>).</summary>
    public static async Task RefreshReportAsync(AppDbContext db, Guid missionId, string reason, DateTime now, CancellationToken ct)
    {
        if (await db.DocumentRuns.AnyAsync(r => r.MissionId == missionId && r.Kind == DocumentKind.MissionReport, ct))
        {
            await RequestAsync(db, missionId, DocumentKind.MissionReport, reason, now, ct);
        }
    }

    public static IReadOnlyList<string> Downloads(DocumentRun run, DataDirectory data)
    {
        var folder = Path.Combine(data.Path, run.Folder);
        return run.Kind switch
        {
            DocumentKind.Itineraries => File.Exists(Path.Combine(folder, "itineraries.zip")) ? ["itineraries.zip"] : [],
            DocumentKind.Booklet => File.Exists(Path.Combine(folder, "programme.pdf")) ? ["programme.pdf"] : [],
            DocumentKind.Badges => new[] { "badges.pdf", "badges-single.pdf" }.Where(f => File.Exists(Path.Combine(folder, f))).ToList(),
            DocumentKind.MissionReport => File.Exists(Path.Combine(folder, "mission-report.pdf")) ? ["mission-report.pdf"] : [],
            DocumentKind.Manifest => File.Exists(Path.Combine(folder, "manifest.pdf")) ? ["manifest.pdf"] : [],
            DocumentKind.RoomingList => File.Exists(Path.Combine(folder, "rooming-list.pdf")) ? ["rooming-list.pdf"] : [],
            DocumentKind.DriverSheets => File.Exists(Path.Combine(folder, "driver-sheets.pdf")) ? ["driver-sheets.pdf"] : [],
            _ => new[] { "delegation.pdf", "delegation-by-organisation.pdf" }.Where(f => File.Exists(Path.Combine(folder, f))).ToList(),
        };
    }

    public async Task RunAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.DocumentRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == run.MissionId, ct);
        var folder = data.EnsureFolder(run.Folder);
        switch (run.Kind)
        {
            case DocumentKind.Itineraries:
                await ItinerariesAsync(run, mission, folder, ct);
                break;
            case DocumentKind.Booklet:
                await Progress(run.Id, total: 1, done: 0, ct);
                await WriteAsync(Path.Combine(folder, "programme.pdf"), await renderer.RenderAsync(await BookletAsync(mission, ct),
                    new PdfLayout(Header: $"{mission.Title} · programme"), ct));
                break;
            case DocumentKind.Badges:
                await BadgesAsync(run, mission, folder, ct);
                break;
            case DocumentKind.MissionReport:
                await Progress(run.Id, total: 1, done: 0, ct);
                var report = await Report.MissionReports.BuildAsync(db, mission.Id, clock.GetUtcNow().UtcDateTime, ct);
                await WriteAsync(Path.Combine(folder, "mission-report.pdf"), await renderer.RenderAsync(Report.MissionReportDocument.Html(report),
                    new PdfLayout(Header: $"{mission.Title} · mission report"), ct));
                break;
            case DocumentKind.Manifest:
                await Progress(run.Id, total: 1, done: 0, ct);
                await WriteAsync(Path.Combine(folder, "manifest.pdf"), await renderer.RenderAsync(await ManifestAsync(mission, ct),
                    new PdfLayout(Header: $"{mission.Title} · arrivals and departures"), ct));
                break;
            case DocumentKind.RoomingList:
                await Progress(run.Id, total: 1, done: 0, ct);
                await WriteAsync(Path.Combine(folder, "rooming-list.pdf"), await renderer.RenderAsync(await Rooms.RoomingListDocument.HtmlAsync(db, mission, ct),
                    new PdfLayout(Header: $"{mission.Title} · rooming list"), ct));
                break;
            case DocumentKind.DriverSheets:
                await Progress(run.Id, total: 1, done: 0, ct);
                await WriteAsync(Path.Combine(folder, "driver-sheets.pdf"), await renderer.RenderAsync(await Travel.DriverSheets.HtmlAsync(db, mission, ct),
                    new PdfLayout(Header: $"{mission.Title} · transfers"), ct));
                break;
            default:
                await Progress(run.Id, total: 2, done: 0, ct);
                await WriteAsync(Path.Combine(folder, "delegation.pdf"), await renderer.RenderAsync(await DelegationListAsync(mission, bySector: true, ct),
                    new PdfLayout(Header: $"{mission.Title} · delegation"), ct));
                await Progress(run.Id, total: 2, done: 1, ct);
                await WriteAsync(Path.Combine(folder, "delegation-by-organisation.pdf"), await renderer.RenderAsync(
                    await DelegationListAsync(mission, bySector: false, ct), new PdfLayout(Header: $"{mission.Title} · delegation"), ct));
                break;
        }

        var total = await db.DocumentRuns.Where(r => r.Id == runId).Select(r => r.Total).FirstAsync(ct);
        await db.DocumentRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, DocumentRunStatus.Done).SetProperty(r => r.Done, total)
            .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime), ct);
    }

    private async Task ItinerariesAsync(DocumentRun run, Mission mission, string folder, CancellationToken ct)
    {
        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed).OrderBy(r => r.Name).ToListAsync(ct);
        await Progress(run.Id, people.Count, 0, ct);
        var calendars = await links.CalendarUrlsAsync(people.Select(p => p.Id).ToList(), ct);
        string FileOf(Registration person) => Path.Combine(folder, $"{person.Id:N}.pdf");
        // A generation taken over after a crash does not print again what is already there.
        var todo = people.Where(p => !File.Exists(FileOf(p))).ToList();
        var done = people.Count - todo.Count;
        var (size, parallel) = (options.Value.BatchSize, options.Value.ParallelPrints);
        // Each round prints `parallel` batches at once, one Chromium page each; the queries before it run one at a time (one DbContext).
        foreach (var round in todo.Chunk(size * parallel))
        {
            var batches = new List<(Registration[] People, List<PdfPart> Parts)>();
            foreach (var batch in round.Chunk(size))
            {
                var parts = new List<PdfPart>(batch.Length);
                foreach (var person in batch)
                {
                    var view = await Itineraries.ViewAsync(db, mission, person, calendars.GetValueOrDefault(person.Id), ct);
                    parts.Add(new PdfPart(ItineraryDocument.Html(view), $"{mission.Title} · {person.Name}"));
                }

                batches.Add((batch, parts));
            }

            var printed = await Task.WhenAll(batches.Select(b => renderer.RenderManyAsync(b.Parts, new PdfLayout(), ct)));
            for (var b = 0; b < batches.Count; b++)
            {
                for (var i = 0; i < batches[b].People.Length; i++)
                {
                    await WriteAsync(FileOf(batches[b].People[i]), printed[b][i]);
                }
            }

            done += round.Length;
            await Progress(run.Id, people.Count, done, ct);
        }

        var zip = Path.Combine(folder, "itineraries.zip");
        var partial = zip + ".partial";
        await using (var stream = File.Create(partial))
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var person in people)
            {
                archive.CreateEntryFromFile(Path.Combine(folder, $"{person.Id:N}.pdf"), $"{Safe(person.Name)} ({person.Id.ToString("N")[..6]}).pdf", CompressionLevel.Fastest);
            }
        }

        File.Move(partial, zip, overwrite: true);
    }

    private async Task<string> BookletAsync(Mission mission, CancellationToken ct)
    {
        var zone = mission.TimeZone;
        var items = await db.ProgrammeItems.AsNoTracking().Where(p => p.MissionId == mission.Id).OrderBy(p => p.StartsAt).ThenBy(p => p.Title)
            .Select(p => new { Item = p, Venue = db.Venues.FirstOrDefault(v => v.Id == p.VenueId) }).ToListAsync(ct);
        var venues = await db.Venues.AsNoTracking().Where(v => v.MissionId == mission.Id).OrderBy(v => v.Name).ToListAsync(ct);
        return DocumentTemplates.Render("booklet", new
        {
            MissionTitle = mission.Title,
            Where = PublicLinks.Where(mission),
            When = PublicLinks.Dates(mission.StartDate, mission.EndDate),
            mission.TimeZoneId,
            Summary = string.IsNullOrWhiteSpace(mission.Summary) ? null : mission.Summary,
            GeneratedAt = MissionTime.ToLocal(clock.GetUtcNow().UtcDateTime, zone).ToString("d MMMM yyyy HH:mm", English),
            Days = items.GroupBy(i => DateOnly.FromDateTime(MissionTime.ToLocal(i.Item.StartsAt, zone))).Select(day => new
            {
                Label = day.Key.ToString("dddd d MMMM yyyy", English),
                Items = day.Select(i => new
                {
                    i.Item.Title,
                    From = MissionTime.ToLocal(i.Item.StartsAt, zone).ToString("HH:mm", English),
                    To = MissionTime.ToLocal(i.Item.EndsAt, zone).ToString("HH:mm", English),
                    Venue = i.Venue is null ? null : string.Join(", ", new[] { i.Venue.Name, i.Venue.Address, i.Venue.City }.Where(s => !string.IsNullOrWhiteSpace(s))),
                    Audience = i.Item.Audience switch
                    {
                        Audience.Sectors => string.Join(", ", i.Item.AudienceSectorList),
                        Audience.People => "invited participants",
                        _ => null,
                    },
                    i.Item.DressCode,
                    i.Item.Cancelled,
                }).ToList(),
            }).ToList(),
            Venues = venues.Select(v => new { v.Name, Address = string.Join(", ", new[] { v.Address, v.City }.Where(s => !string.IsNullOrWhiteSpace(s))) }).ToList(),
            Contacts = items.Where(i => i.Item.Contact is not null).Select(i => new { Item = i.Item.Title, i.Item.Contact }).ToList(),
        });
    }

    /// <summary>
    /// Name badges of the confirmed, in order of precedence: A4 sheets of eight to cut, and single
    /// badges (one A6 page each) for a badge printer. The QR code is the check-in address only.
    /// </summary>
    private async Task BadgesAsync(DocumentRun run, Mission mission, string folder, CancellationToken ct)
    {
        var people = (await db.Registrations.AsNoTracking()
                .Where(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null).ToListAsync(ct))
            .OrderBy(r => r.EffectivePrecedence).ThenBy(r => r.Name).ToList();
        await Progress(run.Id, total: 2, done: 0, ct);
        var badges = people.Select(p => new
        {
            p.Name,
            p.Organisation,
            Role = p.JobTitle,
            Qr = "data:image/png;base64," + Convert.ToBase64String(QRCoder.PngByteQRCodeHelper.GetQRCode(checkIn.Url(p.Id), QRCoder.QRCodeGenerator.ECCLevel.M, 8)),
        }).ToList();
        string Html(string layout, string pageSize, int columns, string height) => DocumentTemplates.Render("badges", new
        {
            MissionTitle = mission.Title,
            Layout = layout,
            PageSize = pageSize,
            Columns = columns,
            BadgeHeight = height,
            Badges = badges,
        });
        await WriteAsync(Path.Combine(folder, "badges.pdf"), await renderer.RenderAsync(Html("sheet", "A4", 2, "74.25mm"),
            new PdfLayout(PageNumbers: false, Margin: "0mm"), ct));
        await Progress(run.Id, total: 2, done: 1, ct);
        await WriteAsync(Path.Combine(folder, "badges-single.pdf"), await renderer.RenderAsync(Html("single", "A6", 1, "148mm"),
            new PdfLayout(Format: "A6", PageNumbers: false, Margin: "0mm"), ct));
    }

    private async Task<string> ManifestAsync(Mission mission, CancellationToken ct)
    {
        var days = await Travel.Manifests.BuildAsync(db, mission.Id, ct);
        return DocumentTemplates.Render("manifest", new
        {
            MissionTitle = mission.Title,
            Where = PublicLinks.Where(mission),
            When = PublicLinks.Dates(mission.StartDate, mission.EndDate),
            Days = days.Select(d => new
            {
                Date = d.Date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                d.Hub,
                d.TimeZoneId,
                Arrivals = d.Arrivals.Count,
                Departures = d.Departures.Count,
                People = d.Arrivals.Concat(d.Departures).OrderBy(e => e.At).Select(e => new
                {
                    Time = e.Local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    Direction = e.Direction == Domain.Travel.LegDirection.Arrival ? "arrives" : "leaves",
                    e.Name,
                    e.Organisation,
                    Service = $"{e.Mode.ToString().ToLowerInvariant()} {e.Service}".Trim(),
                    OtherEnd = e.OtherEnd ?? "",
                    Mobile = e.Mobile ?? "",
                    Needs = e.Accessibility ?? "",
                }).ToList(),
            }).ToList(),
        });
    }

    private async Task<string> DelegationListAsync(Mission mission, bool bySector, CancellationToken ct)
    {
        // Only people who agreed to be listed; erased people are never listed.
        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.MissionId == mission.Id && r.Status == RegistrationStatus.Confirmed && r.ConsentListing && r.ErasedAt == null)
            .ToListAsync(ct);
        var groups = people.GroupBy(p => bySector ? p.Sector.ToString() : p.Organisation)
            .OrderBy(g => bySector ? Enum.Parse<Sector>(g.Key) : default).ThenBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase).Select(g => new
            {
                Name = g.Key,
                Count = g.Count(),
                People = g.OrderBy(p => p.EffectivePrecedence).ThenBy(p => p.Name).Select(p => new { p.Name, p.Organisation, JobTitle = p.JobTitle ?? "" }).ToList(),
            }).ToList();
        return DocumentTemplates.Render("delegation-list", new
        {
            MissionTitle = mission.Title,
            Where = PublicLinks.Where(mission),
            When = PublicLinks.Dates(mission.StartDate, mission.EndDate),
            Count = people.Count,
            GroupedBy = bySector ? "sector" : "organisation",
            Groups = groups,
        });
    }

    private Task Progress(Guid runId, int total, int done, CancellationToken ct) =>
        db.DocumentRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Total, total).SetProperty(r => r.Done, done).SetProperty(r => r.ClaimedAt, clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>Written whole or not at all: a crash leaves no half file that a retry would keep.</summary>
    private static Task WriteAsync(string path, byte[] bytes) => DataDirectory.WriteAtomicallyAsync(path, bytes);

    private static string Safe(string name) => string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c));
}
