using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Imports;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Outbox;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Messaging;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Bench;

/// <summary>
/// Email throughput for two shapes of message: a 2–3 KB invitation and an 8–9 KB confirmation with
/// its programme.ics. Whole path: a CSV import writing the people and their rendered emails into
/// the outbox in one transaction, then the dispatcher's command claiming, sending over one SMTP
/// connection and recording each outcome. Baseline: a bare MailKit loop sending the same messages
/// (the first row's MIME, re-addressed) over one connection with the same socket options (NoDelay),
/// to the same aiosmtpd, in the same run. Rounds alternate the two; medians are compared.
/// </summary>
internal static class EmailBench
{
    private const string From = "mission@missionplanner.example";

    public static async Task RunAsync(string[] args)
    {
        var count = Arg(args, "--messages", 1000);
        var rounds = Arg(args, "--rounds", 3);
        var warmUp = TimeSpan.FromSeconds(Arg(args, "--warmup-seconds", 20));
        foreach (var server in new[] { Server.Parsing, Server.Spooling, Server.Counting })
        {
            // The tests' server parses each message with Python's email package and keeps it with a summary; the spooling one
            // writes each message to a file of its own before it answers 250, as a mail server's queue does (without fsync);
            // the counting one only counts, which leaves the sender's own cost in the figures. Their files are kept in memory
            // (/dev/shm) where there is one: a mail server's queue is on a disk of its own, and on this machine's one disk
            // its writes made each commit of the app's database flush them too (ext4 journals them together).
            await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(Fast: server == Server.Counting, Spool: server == Server.Spooling,
                Root: Directory.Exists("/dev/shm") ? "/dev/shm" : null));
            // One app for all rounds, as it runs in production: a new one per round measured EF Core translating its queries again.
            await using var app = await App.StartAsync(smtp);
            if (warmUp > TimeSpan.Zero)
            {
                // .NET's tiered JIT goes on recompiling hot paths with profile data for seconds after start (as in the registration
                // benchmark): the first rounds of a fresh process measured that too.
                var clock = Stopwatch.StartNew();
                for (var round = 0; clock.Elapsed < warmUp; round++)
                {
                    var warm = await WholePathAsync(app, smtp, round % 2 == 0 ? Shape.Invitation : Shape.Confirmation, count, -100 - round);
                    await BareLoopAsync(smtp, warm.Sample, count);
                }

                warmUp = TimeSpan.Zero;
            }

            var name = server switch
            {
                Server.Parsing => "the tests' aiosmtpd, which parses each message with Python's email package and keeps it",
                Server.Spooling => "a local aiosmtpd that writes each message to a file of its own",
                _ => "a local aiosmtpd that only counts",
            };
            Console.WriteLine($"Email throughput: {count} messages a round to {name}, median of {rounds} rounds after two warm-up rounds, SQLite");
            Console.WriteLine("| shape | path | median s | messages/s | throughput ratio to baseline |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            await RunShapesAsync(app, smtp, count, rounds);
            Console.WriteLine();
        }
    }

    private enum Server
    {
        Parsing,
        Spooling,
        Counting,
    }

    private static async Task RunShapesAsync(App app, SmtpSink smtp, int count, int rounds)
    {
        foreach (var shape in new[] { Shape.Invitation, Shape.Confirmation })
        {
            // Warm-up: the first rounds also measured the JIT compiling EF Core, MimeKit and the app's paths (and tiering them up).
            for (var warmUp = 1; warmUp <= 2; warmUp++)
            {
                var warm = await WholePathAsync(app, smtp, shape, count, -warmUp);
                await BareLoopAsync(smtp, warm.Sample, count);
            }

            var bare = new List<double>();
            var whole = new List<double>();
            var dispatch = new List<double>();
            var size = 0;
            for (var round = 0; round < rounds; round++)
            {
                var run = await WholePathAsync(app, smtp, shape, count, round);
                size = run.Size;
                whole.Add(run.Total);
                dispatch.Add(run.Dispatch);
                bare.Add(await BareLoopAsync(smtp, run.Sample, count));
                Console.Error.WriteLine($"  {shape} round {round + 1}: bare {count / bare[^1]:F0}/s, whole path {count / whole[^1]:F0}/s (dispatcher alone {count / dispatch[^1]:F0}/s, import {whole[^1] - dispatch[^1]:F2} s)");
            }

            var (b, w, d) = (Median(bare), Median(whole), Median(dispatch));
            var label = $"{shape.ToString().ToLowerInvariant()} ({size / 1024.0:F1} KB)";
            Console.WriteLine($"| {label} | baseline: bare MailKit loop, one NoDelay connection | {b:F2} | {count / b:F0} | 1.00 |");
            Console.WriteLine($"| {label} | whole path: CSV import → outbox → dispatcher → SMTP | {w:F2} | {count / w:F0} | {b / w:F2} |");
            Console.WriteLine($"| {label} | of which the dispatcher (outbox → SMTP) | {d:F2} | {count / d:F0} | {b / d:F2} |");
        }
    }

    private enum Shape
    {
        Invitation,
        Confirmation,
    }

    private sealed record Run(double Total, double Dispatch, MimeMessage Sample, int Size);

    /// <summary>The same MIME as the whole path's first message, sent <paramref name="count"/> times to new addresses over one connection.</summary>
    private static async Task<double> BareLoopAsync(SmtpSink smtp, MimeMessage sample, int count)
    {
        var before = smtp.Count;
        var sw = Stopwatch.StartNew();
        using (var client = new SmtpClient())
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", smtp.Port);
            await client.ConnectAsync(socket, "127.0.0.1", smtp.Port, SecureSocketOptions.None);
            for (var i = 0; i < count; i++)
            {
                sample.To.Clear();
                sample.To.Add(new MailboxAddress($"Delegate {i}", $"bare{i:D5}@example.org"));
                sample.MessageId = $"{Guid.NewGuid():N}@missionplanner.example";
                await client.SendAsync(sample);
            }

            await client.DisconnectAsync(quit: true);
        }

        await WaitAsync(smtp, before + count);
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>The app's services over a data directory of their own (SQLite), sending to <paramref name="smtp"/>.</summary>
    private sealed class App(ServiceProvider services, string directory) : IAsyncDisposable
    {
        public IServiceProvider Services => services;

        public static async Task<App> StartAsync(SmtpSink smtp)
        {
            var dir = Path.Combine(Path.GetTempPath(), $"mp-bench-email-{Guid.NewGuid():N}");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataDirectory"] = dir,
                ["Email:SmtpHost"] = "127.0.0.1",
                ["Email:SmtpPort"] = smtp.Port.ToString(),
                ["Email:Security"] = "None",
                ["Email:FromAddress"] = From,
                ["Email:FromName"] = "NL–UK Mission Team",
                ["Auth:PublicBaseUrl"] = "https://missionplanner.example",
            }).Build();
            var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
                .AddMissionPlanner(configuration).BuildServiceProvider();
            await InScopeAsync(services, async sp =>
            {
                await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                return 0;
            });
            return new App(services, dir);
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A new mission, a CSV of <paramref name="count"/> people imported into it, and the dispatcher run until all their emails are at the server.</summary>
    private static async Task<Run> WholePathAsync(App app, SmtpSink smtp, Shape shape, int count, int round)
    {
        var services = app.Services;
        var missionId = await InScopeAsync(services, sp => ArrangeMissionAsync(sp.GetRequiredService<IMediator>(), shape));
        var csv = new StringBuilder(shape == Shape.Invitation ? "email,name,organisation\n" : "email;name;organisation;sector\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(shape == Shape.Invitation
                ? $"{shape}{round + 1}-delegate{i:D5}@example.org,Delegate {i},University of Twente\n"
                : $"{shape}{round + 1}-delegate{i:D5}@example.org;Delegate {i};University of Twente;academia\n");
        }

        var before = smtp.Count;
        var sw = Stopwatch.StartNew();
        await InScopeAsync(services, sp => sp.GetRequiredService<IMediator>().Send<ImportResult>(shape == Shape.Invitation
            ? new ImportInvitationsCommand(csv.ToString()) { MissionId = missionId }
            : new ImportDelegatesCommand(csv.ToString()) { MissionId = missionId }));
        var imported = sw.Elapsed.TotalSeconds;
        var sent = 0;
        while (sent < count)
        {
            sent += (await InScopeAsync(services, sp => sp.GetRequiredService<IMediator>().Send(new DispatchOutboxCommand()))).Sent;
        }

        await WaitAsync(smtp, before + count);
        var elapsed = sw.Elapsed.TotalSeconds;
        var sample = await InScopeAsync(services, async sp =>
        {
            var first = await sp.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.MissionId == missionId).OrderBy(m => m.CreatedAt).FirstAsync();
            return MimeMessages.Build(first, sp.GetRequiredService<IOptions<EmailOptions>>().Value);
        });
        using var bytes = new MemoryStream();
        await sample.WriteToAsync(bytes);
        return new Run(elapsed, elapsed - imported, sample, (int)bytes.Length);
    }

    /// <summary>An open mission; for confirmations, a programme of a dozen items so that each confirmation carries an 8–9 KB message with its programme.ics.</summary>
    private static async Task<Guid> ArrangeMissionAsync(IMediator mediator, Shape shape)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var mission = await mediator.Send(new CreateMissionCommand("Innovation Mission to the UK: Neuromorphic Computing",
            "Four days of symposium, lab tours and company visits.", "United Kingdom", "London", "Europe/London", start, start.AddDays(3)));
        if (shape == Shape.Confirmation)
        {
            string[] titles =
            [
                "Arrival and registration at the embassy", "Bilateral symposium: opening session", "Neuromorphic hardware roadmap panel",
                "Lunch and networking", "Signing ceremony", "Reception at the residence", "Coach to Cambridge", "Cavendish Laboratory tour",
                "Company visits in small groups", "Dinner with the host delegation", "Strategic closing session", "Departure",
            ];
            for (var i = 0; i < titles.Length; i++)
            {
                var day = start.AddDays(i / 4);
                var from = day.ToDateTime(new TimeOnly(9 + i % 4 * 2, 0));
                await mediator.Send(new CreateProgrammeItemCommand(titles[i], "Dress code business; bring your badge and ID.",
                    ProgrammeItemKind.SymposiumSession, from, from.AddMinutes(90), null, null, false)
                { MissionId = mission });
            }
        }

        await mediator.Send(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        return mission;
    }

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await work(scope.ServiceProvider);
    }

    private static async Task WaitAsync(SmtpSink smtp, int total)
    {
        while (smtp.Count < total)
        {
            await Task.Delay(5);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int Arg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
    }
}
