using System.Diagnostics;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Documents;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;

namespace MissionPlanner.Bench;

/// <summary>
/// N personal itineraries (2–3 pages each) printed through the document job (query, template,
/// Chromium, atomic file writes, progress, zip) against the bare engine: the same warm Chromium
/// printing N copies of one such itinerary's HTML, in the same run. Peak memory of this process
/// and of Chromium is sampled during both.
/// </summary>
internal static class DocumentBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = Arg(args, "--itineraries", 300);
        var dir = Path.Combine(Path.GetTempPath(), $"mp-bench-docs-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = dir })
            .AddEnvironmentVariables().Build(); // e.g. Documents__BatchSize=10 to compare batch sizes
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddMissionPlanner(configuration).BuildServiceProvider();
        var mission = await InScopeAsync(services, async sp =>
        {
            await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            return await ArrangeAsync(sp.GetRequiredService<IMediator>(), count);
        });
        var renderer = services.GetRequiredService<PdfRenderer>();
        var html = await InScopeAsync(services, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var m = await db.Missions.AsNoTracking().FirstAsync(x => x.Id == mission);
            var person = await db.Registrations.AsNoTracking().FirstAsync(r => r.MissionId == mission);
            return ItineraryDocument.Html(await Itineraries.ViewAsync(db, m, person, await sp.GetRequiredService<PersonalLinks>().CalendarUrlAsync(person.Id, default), default));
        });
        var pages = CountPages(await renderer.RenderAsync(html)); // also warms the browser

        using var memory = new PeakMemory();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await renderer.RenderAsync(html, new PdfLayout(Header: $"Bench · person {i}"));
        }

        var bare = sw.Elapsed.TotalSeconds;
        var bareMemory = memory.TakePeak();

        sw.Restart();
        await InScopeAsync(services, sp => sp.GetRequiredService<IMediator>().Send(new RequestDocumentsCommand(DocumentKind.Itineraries) { MissionId = mission }));
        await InScopeAsync(services, sp => sp.GetRequiredService<IMediator>().Send(new ProcessDocumentRunsCommand()));
        var job = sw.Elapsed.TotalSeconds;
        var jobMemory = memory.TakePeak();
        var done = await InScopeAsync(services, sp => sp.GetRequiredService<AppDbContext>().DocumentRuns.Select(r => r.Done).SingleAsync());
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DocumentOptions>>().Value;

        // The demo mission's programme booklet, printed 5 times (one document per print, as always).
        var demo = await InScopeAsync(services, async sp => (await sp.GetRequiredService<IMediator>().Send(new Features.Demo.SeedDemoMissionCommand()))!.Value);
        await InScopeAsync(services, sp => sp.GetRequiredService<IMediator>().Send(new RequestDocumentsCommand(DocumentKind.Booklet) { MissionId = demo }));
        sw.Restart();
        await InScopeAsync(services, sp => sp.GetRequiredService<IMediator>().Send(new ProcessDocumentRunsCommand()));
        var booklet = sw.Elapsed.TotalSeconds;
        var bookletPages = await InScopeAsync(services, async sp =>
        {
            var run = await sp.GetRequiredService<AppDbContext>().DocumentRuns.AsNoTracking().SingleAsync(r => r.MissionId == demo);
            return CountPages(await File.ReadAllBytesAsync(Path.Combine(dir, run.Folder, "programme.pdf")));
        });

        Console.WriteLine($"Itineraries: {count} personal itineraries of {pages} A4 pages each, one warm Chromium, SQLite");
        Console.WriteLine("Chromium's memory is the sum of its processes' PSS (shared pages counted once, as the kernel charges them), with the sum of their RSS (shared pages counted in every process) beside it.");
        Console.WriteLine("| path | s | itineraries/s | throughput ratio | peak memory: .NET process / Chromium PSS (RSS sum) (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| baseline: today's way, one itinerary per Chromium print ({count} prints of the same HTML) | {bare:F1} | {count / bare:F1} | 1.00 | " +
                          $"{bareMemory.Own} / {bareMemory.ChromiumPss} ({bareMemory.Chromium}) |");
        Console.WriteLine($"| document job: query, template, print in batches of {options.BatchSize}, {options.ParallelPrints} at once, split, file, progress, zip ({done} printed) | " +
                          $"{job:F1} | {count / job:F1} | {bare / job:F2} | {jobMemory.Own} / {jobMemory.ChromiumPss} ({jobMemory.Chromium}) |");
        Console.WriteLine($"| the demo mission's programme booklet through the document job ({bookletPages} pages) | {booklet:F2} | {bookletPages / booklet:F1} pages/s | | |");
        Console.WriteLine();
        await renderer.DisposeAsync();
        SqliteClear();
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<Guid> ArrangeAsync(IMediator mediator, int count)
    {
        var start = new DateOnly(2027, 1, 18);
        var mission = await mediator.Send(new CreateMissionCommand("Innovation Mission to the UK: Neuromorphic Computing", null, "United Kingdom", "London",
            "Europe/London", start, start.AddDays(3)));
        await mediator.Send(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        var venue = await mediator.Send(new CreateVenueCommand("Imperial College London", "Exhibition Road", "London", VenueKind.University, 51.4988, -0.1749)
        { MissionId = mission });
        for (var day = 0; day < 4; day++)
        {
            for (var slot = 0; slot < 5; slot++)
            {
                await mediator.Send(new CreateProgrammeItemCommand($"Session {day + 1}.{slot + 1}: memristive devices and spiking networks",
                    "Talks by the delegation and their UK counterparts, followed by questions and a short panel.", ProgrammeItemKind.Talk,
                    start.AddDays(day).ToDateTime(new TimeOnly(9 + 2 * slot, 0)), start.AddDays(day).ToDateTime(new TimeOnly(10 + 2 * slot, 30)), venue, null, false)
                { MissionId = mission, DressCode = "Business attire", Contact = "Mission desk +31 6 1234 5678" });
            }
        }

        var csv = new StringBuilder("email,name,organisation,sector\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append($"delegate{i:D4}@example.org,Delegate {i},University of Twente,academia\n");
        }

        var result = await mediator.Send(new ImportDelegatesCommand(csv.ToString()) { MissionId = mission });
        if (result.Imported != count)
        {
            throw new InvalidOperationException($"Only {result.Imported} delegates imported.");
        }

        return mission;
    }

    private static int CountPages(byte[] pdf) => System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

    private static void SqliteClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await work(scope.ServiceProvider);
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
    }

    /// <summary>Samples resident memory of this process and of every Chromium process, keeping the peak.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer timer;
        private long own;
        private long chromium;
        private long chromiumPss;

        public PeakMemory() => timer = new Timer(_ => Sample(), null, 0, 100);

        public (long Own, long Chromium, long ChromiumPss) TakePeak()
        {
            Sample();
            return (Interlocked.Exchange(ref own, 0) / 1_048_576, Interlocked.Exchange(ref chromium, 0) / 1_048_576, Interlocked.Exchange(ref chromiumPss, 0) / 1_048_576);
        }

        private static long Kilobytes(string file, string field) =>
            File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
                ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024
                : 0;

        private void Sample()
        {
            long browser = 0;
            long pss = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "comm")).StartsWith("chrom", StringComparison.Ordinal))
                    {
                        browser += Kilobytes(Path.Combine(dir, "status"), "VmRSS:");
                        pss += Kilobytes(Path.Combine(dir, "smaps_rollup"), "Pss:");
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            var self = Environment.WorkingSet;
            InterlockedMax(ref own, self);
            InterlockedMax(ref chromium, browser);
            InterlockedMax(ref chromiumPss, pss);
        }

        private static void InterlockedMax(ref long target, long value)
        {
            long current;
            while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }

        public void Dispose() => timer.Dispose();
    }
}
