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
        foreach (var counting in new[] { false, true })
        {
            // A mail server writes each message to its queue before it answers 250: the spooling server does that
            // (without fsync); the counting one only counts, which leaves the sender's own cost in the figures.
            await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(Fast: counting, Spool: !counting));
            var server = counting ? "a local aiosmtpd that only counts" : "a local aiosmtpd that writes each message to a file of its own";
            Console.WriteLine($"Email throughput: {count} messages a round to {server}, median of {rounds} rounds after one warm-up round, SQLite");
            Console.WriteLine("| shape | path | median s | messages/s | throughput ratio to baseline |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            await RunShapesAsync(smtp, count, rounds);
            Console.WriteLine();
        }
    }

    private static async Task RunShapesAsync(SmtpSink smtp, int count, int rounds)
    {
        foreach (var shape in new[] { Shape.Invitation, Shape.Confirmation })
        {
            // Warm-up: the first round also measured the JIT compiling EF Core, MimeKit and the app's paths.
            var warm = await WholePathAsync(smtp, shape, Math.Min(count, 300), -1);
            await BareLoopAsync(smtp, warm.Sample, Math.Min(count, 300));
            var bare = new List<double>();
            var whole = new List<double>();
            var dispatch = new List<double>();
            var size = 0;
            for (var round = 0; round < rounds; round++)
            {
                var run = await WholePathAsync(smtp, shape, count, round);
                size = run.Size;
                whole.Add(run.Total);
                dispatch.Add(run.Dispatch);
                bare.Add(await BareLoopAsync(smtp, run.Sample, count));
                Console.Error.WriteLine($"  {shape} round {round + 1}: bare {count / bare[^1]:F0}/s, whole path {count / whole[^1]:F0}/s (dispatcher alone {count / dispatch[^1]:F0}/s)");
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

    private static async Task<Run> WholePathAsync(SmtpSink smtp, Shape shape, int count, int round)
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
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddMissionPlanner(configuration).BuildServiceProvider();
        var missionId = await InScopeAsync(services, async sp =>
        {
            await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            return await ArrangeMissionAsync(sp.GetRequiredService<IMediator>(), shape);
        });
        var csv = new StringBuilder(shape == Shape.Invitation ? "email,name,organisation\n" : "email;name;organisation;sector\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(shape == Shape.Invitation
                ? $"round{round + 1}-delegate{i:D5}@example.org,Delegate {i},University of Twente\n"
                : $"round{round + 1}-delegate{i:D5}@example.org;Delegate {i};University of Twente;academia\n");
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
            var first = await sp.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).FirstAsync();
            return MimeMessages.Build(first, sp.GetRequiredService<IOptions<EmailOptions>>().Value);
        });
        using var bytes = new MemoryStream();
        await sample.WriteToAsync(bytes);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
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
