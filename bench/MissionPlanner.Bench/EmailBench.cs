using System.Diagnostics;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Features.Demo;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Outbox;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Bench;

/// <summary>
/// 1,000 invitations through the whole path (CSV import writing invitations and outbox rows in one
/// transaction, then the dispatcher over one SMTP connection) against a bare SmtpClient loop sending
/// the same 1,000 messages over one connection, both to the same local aiosmtpd, in the same run.
/// </summary>
internal static class EmailBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = Arg(args, "--messages", 1000);
        var rounds = Arg(args, "--rounds", 3);
        await using var smtp = await SmtpSink.StartAsync();
        var bare = new List<double>();
        var whole = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            bare.Add(await BareLoopAsync(smtp, count));
            whole.Add(await WholePathAsync(smtp, count, round));
        }

        var (b, w) = (Median(bare), Median(whole));
        Console.WriteLine($"Email throughput: {count} invitations to a local aiosmtpd, median of {rounds} rounds, SQLite");
        Console.WriteLine("| path | median s | messages/s | throughput ratio to baseline |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| baseline: bare SmtpClient loop, one connection | {b:F2} | {count / b:F0} | 1.00 |");
        Console.WriteLine($"| whole path: CSV import → outbox → Quartz dispatcher's command → SMTP | {w:F2} | {count / w:F0} | {b / w:F2} |");
        Console.WriteLine();
    }

    private static async Task<double> BareLoopAsync(SmtpSink smtp, int count)
    {
        var before = smtp.Count;
        var sw = Stopwatch.StartNew();
        using (var client = new SmtpClient("127.0.0.1", smtp.Port))
        {
            for (var i = 0; i < count; i++)
            {
                using var mail = new MailMessage(new MailAddress("mission@missionplanner.example", "MissionPlanner"),
                    new MailAddress($"bare{i:D4}@example.org", $"Delegate {i}"))
                {
                    Subject = "Invitation: Innovation Mission to the UK: Neuromorphic Computing",
                    SubjectEncoding = Encoding.UTF8,
                };
                mail.Headers["Message-ID"] = $"<{Guid.NewGuid():N}@missionplanner.example>";
                mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(
                    $"Dear Delegate {i},\n\nYou are invited to join the delegation.\n\nhttps://mp.example/i/{Guid.NewGuid():N}\n", Encoding.UTF8, MediaTypeNames.Text.Plain));
                mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(
                    $"<!DOCTYPE html><html><body><p>Dear Delegate {i},</p><p>You are invited.</p><p><a href=\"https://mp.example/i/{Guid.NewGuid():N}\">Register</a></p></body></html>",
                    Encoding.UTF8, MediaTypeNames.Text.Html));
                await client.SendMailAsync(mail);
            }
        }

        await WaitAsync(smtp, before + count);
        return sw.Elapsed.TotalSeconds;
    }

    private static async Task<double> WholePathAsync(SmtpSink smtp, int count, int round)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"mp-bench-email-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataDirectory"] = dir,
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = smtp.Port.ToString(),
            ["Email:StartTls"] = "false",
            ["Email:FromAddress"] = "mission@missionplanner.example",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddMissionPlanner(configuration).BuildServiceProvider();
        var missionId = await InScopeAsync(services, async sp =>
        {
            await sp.GetRequiredService<MigrationRunner>().MigrateAsync();
            return (await sp.GetRequiredService<IMediator>().Send(new SeedDemoMissionCommand()))!.Value;
        });
        var csv = new StringBuilder("email,name,organisation\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append($"round{round}-delegate{i:D4}@example.org,Delegate {i},University of Twente\n");
        }

        var before = smtp.Count;
        var sw = Stopwatch.StartNew();
        await InScopeAsync(services, sp => sp.GetRequiredService<IMediator>().Send(new ImportInvitationsCommand(csv.ToString()) { MissionId = missionId }));
        var sent = 0;
        while (sent < count)
        {
            sent += (await InScopeAsync(services, sp => sp.GetRequiredService<IMediator>().Send(new DispatchOutboxCommand()))).Sent;
        }

        await WaitAsync(smtp, before + count);
        var elapsed = sw.Elapsed.TotalSeconds;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
        return elapsed;
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
            await Task.Delay(20);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int Arg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
    }
}
