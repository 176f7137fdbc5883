using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Bench;


/// <summary>Start-up to healthy, and API latency at a fixed request rate, each beside a baseline from the same run.</summary>
internal static class FoundationBench
{
    public static async Task RunAsync(string[] args)
    {
        // Foundation benchmark: start-up to healthy, and API latency at a fixed request rate.
        // Each figure stands beside a baseline measured in the same run on the same machine.
        //   dotnet run -c Release --project bench/MissionPlanner.Bench -- [--rate 100] [--seconds 10] [--starts 5]
        var rate = Arg("--rate", 100);
        var seconds = Arg("--seconds", 10);
        var starts = Arg("--starts", 5);
        var root = Path.Combine(Path.GetTempPath(), $"mp-bench-{Guid.NewGuid():N}"[..20]);


        Console.WriteLine();

        // 1. Start-up: a cold first start (migrate + seed the demo) and a warm start on existing data, for
        // the app as built (JIT, as the tests start it) and as published precompiled (ReadyToRun, as
        // scripts/run.sh runs it; bench/run.sh publishes it first), beside the baseline: the built
        // binary starting the runtime and exiting at once (the usage text).
        var published = Path.Combine(AppProcess.ContentRoot, "..", "..", ".build", "app", "MissionPlanner.Web.dll");
        if (!File.Exists(published))
        {
            throw new InvalidOperationException($"{published} is missing: run scripts/publish.sh (bench/run.sh does).");
        }

        var builds = new[] { ("built (JIT)", AppProcess.WebAssembly), ("published (ReadyToRun, scripts/run.sh)", published) };
        var baseline = new List<double>();
        var cold = builds.Select(_ => new List<double>()).ToArray();
        var warm = builds.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < starts; i++)
        {
            var sw = Stopwatch.StartNew();
            await AppProcess.RunVerbAsync(new Dictionary<string, string>(), "usage");
            baseline.Add(sw.Elapsed.TotalMilliseconds);
            for (var b = 0; b < builds.Length; b++)
            {
                var env = Env(Path.Combine(root, $"start-{i}-{b}"));
                sw.Restart();
                await using (await AppProcess.StartServerAsync(env, assembly: builds[b].Item2))
                {
                    cold[b].Add(sw.Elapsed.TotalMilliseconds);
                }

                sw.Restart();
                await using (await AppProcess.StartServerAsync(env, assembly: builds[b].Item2))
                {
                    warm[b].Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        }

        Console.WriteLine($"Start-up to healthy (/health = 200, polled every 20 ms), median of {starts} runs");
        Console.WriteLine("| case | median ms | min ms | ratio to baseline |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("baseline: process start and exit", baseline, Median(baseline));
        for (var b = 0; b < builds.Length; b++)
        {
            Row($"{builds[b].Item1}: first start (migrate, seed demo)", cold[b], Median(baseline));
            Row($"{builds[b].Item1}: start on existing data", warm[b], Median(baseline));
        }

        Console.WriteLine();

        // 2. Latency at a fixed rate (open loop: requests leave on schedule whether or not earlier ones
        // finished, and latency counts from the scheduled time, so queueing is not hidden).
        var data = Env(Path.Combine(root, "latency"));
        await using var app = await AppProcess.StartServerAsync(data);
        data["Auth__PublicBaseUrl"] = app.Address.ToString();
        var (_, stdout, _) = await AppProcess.RunVerbAsync(data, "organiser", "add", "bench@example.org");
        var token = stdout.TrimEnd().Split('\n')[^1]["token: ".Length..];
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var missionId = (string)JsonNode.Parse(await client.GetStringAsync("/api/v1/missions"))!.AsArray()[0]!["id"]!;
        var missionUrl = $"/api/v1/missions/{missionId}";
        using var anonymous = new HttpClient { BaseAddress = app.Address };

        await FireAsync(client, missionUrl, rate, 2); // warm-up: JIT, connection pool, EF model
        await FireAsync(anonymous, "/favicon.svg", rate, 2);
        var staticFile = await FireAsync(anonymous, "/favicon.svg", rate, seconds);
        var mission = await FireAsync(client, missionUrl, rate, seconds);

        Console.WriteLine($"Latency at {rate} requests/s for {seconds} s ({rate * seconds} requests each, after 2 s at that rate unrecorded), SQLite");
        Console.WriteLine("| request | p50 ms | p99 ms | max ms | errors | p50 ratio | p99 ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Latency("baseline: GET /favicon.svg (static, no auth, no DB)", staticFile, staticFile);
        Latency($"GET /api/v1/missions/{{id}} (bearer, role check, query)", mission, staticFile);
        Console.WriteLine();

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }

        return;

        int Arg(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
        }

        static Dictionary<string, string> Env(string dir) => new()
        {
            ["MISSIONPLANNER_DATA"] = dir,
            ["Logging__LogLevel__Default"] = "Warning",
        };

        static double Median(List<double> values) => Load.Percentile(values, 50);

        static void Row(string name, List<double> values, double baselineMedian) =>
            Console.WriteLine($"| {name} | {Median(values):F0} | {values.Min():F0} | {Median(values) / baselineMedian:F2} |");

        static void Latency(string name, (List<double> Ms, int Errors) run, (List<double> Ms, int Errors) baseline) =>
            Console.WriteLine($"| {name} | {Load.Percentile(run.Ms, 50):F2} | {Load.Percentile(run.Ms, 99):F2} | {run.Ms.Max():F2} | {run.Errors} | " +
                              $"{Load.Percentile(run.Ms, 50) / Load.Percentile(baseline.Ms, 50):F2} | {Load.Percentile(run.Ms, 99) / Load.Percentile(baseline.Ms, 99):F2} |");

        static Task<(List<double> Ms, int Errors)> FireAsync(HttpClient client, string url, int rate, int seconds) =>
            Load.OpenLoopAsync(rate, seconds, async _ =>
            {
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                return response.IsSuccessStatusCode;
            });
    }
}
