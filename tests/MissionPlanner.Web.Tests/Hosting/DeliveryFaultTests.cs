using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MissionPlanner.Web.Tests.Hosting;

/// <summary>The app as real processes against a real SMTP server: crashes and several nodes lose and repeat nothing.</summary>
public sealed class DeliveryFaultTests(ITestOutputHelper output)
{
    [Theory, AllDatabases]
    public async Task KillingTheAppDuringABatchOf200_LosesNothing_AndRepeatsAtMostTheMessageInFlightOnEachConnection(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync(delayMs: 15);
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        var env = Environment(database, smtp);

        var (missionId, token, first) = await StartAndInviteAsync(env, count: 200);
        await using (first)
        {
            await WaitUntilAsync(() => smtp.Count >= 60, TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        var deliveredBeforeCrash = smtp.Count;
        await using var second = await AppProcess.StartServerAsync(env);
        await WaitUntilAsync(() => smtp.Count >= 200 && smtp.Messages.Select(m => m.MessageId).Distinct().Count() >= 200, TimeSpan.FromSeconds(120));
        await Task.Delay(1000);

        var received = smtp.Messages;
        var duplicates = received.Count - received.Select(m => m.MessageId).Distinct().Count();
        output.WriteLine($"{provider}: {deliveredBeforeCrash} delivered before the kill, {received.Count} received in all, {duplicates} duplicate(s)");
        received.Select(m => m.MessageId).Distinct().Should().HaveCount(200, "every invitation arrives");
        received.Select(m => m.PeerPort).Distinct().Count().Should().BeGreaterThanOrEqualTo(3, "two connections before the kill and at least one after");
        duplicates.Should().BeLessThanOrEqualTo(2, "only the message each of the two connections was handing over at the moment of the kill may go twice");
        var outbox = await ApiAsync(second, token, $"/api/v1/missions/{missionId}/outbox?status=Sent");
        ((int)outbox["counts"]!["Sent"]!).Should().Be(200);
    }

    [Fact]
    public async Task AWebNodeAndAWorkerOnOnePostgres_FormOneCluster_AndSendNothingTwice()
    {
        await using var smtp = await SmtpSink.StartAsync(delayMs: 5);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrated: false);
        var env = Environment(database, smtp);
        env["Email__BatchSize"] = "20";

        var (missionId, token, nodeA) = await StartAndInviteAsync(env, count: 0);
        await using (nodeA)
        await using (var worker = AppProcess.StartWorker(env))
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var nodes = new NpgsqlCommand("SELECT COUNT(*) FROM qrtz_scheduler_state", connection);
            await WaitUntilAsync(() => worker.HasExited || (long)nodes.ExecuteScalar()! >= 2, TimeSpan.FromSeconds(60));
            worker.HasExited.Should().BeFalse(worker.Output);

            var csv = new StringBuilder("email,name\n");
            for (var i = 0; i < 200; i++)
            {
                csv.Append($"delegate{i:D3}@example.org,Delegate {i}\n");
            }

            var imported = await PostAsync(nodeA, token, $"/api/v1/missions/{missionId}/invitations/import", new { csv = csv.ToString() });
            ((int)imported["imported"]!).Should().Be(200);
            await WaitUntilAsync(() => smtp.Count >= 200, TimeSpan.FromSeconds(120));
            await Task.Delay(1500);

            var received = smtp.Messages;
            received.Should().HaveCount(200);
            received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
            ((long)(await nodes.ExecuteScalarAsync())!).Should().Be(2, "both nodes are still checked in to the Quartz cluster");
        }
    }

    [Fact]
    public async Task TwoProcessesWritingOneSqliteFile_WaitForEachOther_AndLoseNothing()
    {
        // The web node takes registrations and imports while a worker process on the same SQLite
        // file claims and records every email: two writers, one database lock.
        await using var smtp = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        var env = Environment(database, smtp);
        env["Jobs__Enabled"] = "false";
        var (missionId, token, web) = await StartAndInviteAsync(env, count: 0);
        await using (web)
        {
            var workerEnv = new Dictionary<string, string>(env) { ["Jobs__Enabled"] = "true" };
            await using var worker = AppProcess.StartWorker(workerEnv);
            var imports = Enumerable.Range(0, 4).Select(async batch =>
            {
                var csv = new StringBuilder("email,name\n");
                for (var i = 0; i < 50; i++)
                {
                    csv.Append($"delegate{batch}-{i:D2}@example.org,Delegate {batch}-{i}\n");
                }

                return (int)(await PostAsync(web, token, $"/api/v1/missions/{missionId}/invitations/import", new { csv = csv.ToString() }))["imported"]!;
            }).ToList();
            (await Task.WhenAll(imports)).Sum().Should().Be(200, "no import fails on a busy database");
            await WaitUntilAsync(() => worker.HasExited || smtp.Count >= 200, TimeSpan.FromSeconds(120));
            worker.HasExited.Should().BeFalse(worker.Output);
            await Task.Delay(1000);

            smtp.Messages.Select(m => m.MessageId).Should().HaveCount(200).And.OnlyHaveUniqueItems();
            ((int)(await ApiAsync(web, token, $"/api/v1/missions/{missionId}/outbox?status=Sent"))["counts"]!["Sent"]!).Should().Be(200);
            web.Output.Should().NotContain("database is locked");
            worker.Output.Should().NotContain("database is locked");
        }
    }

    [Fact]
    public async Task PostgresRestartedDuringTraffic_TheAppRecoversByItself_AndLosesNothing()
    {
        await using var smtp = await SmtpSink.StartAsync(delayMs: 10);
        await using var postgres = await PrivatePostgres.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), $"mp-data-{Guid.NewGuid():N}"[..20]);
        var env = new Dictionary<string, string>
        {
            ["MISSIONPLANNER_DATA"] = data,
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = postgres.ConnectionString,
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = smtp.Port.ToString(),
            ["Email__StartTls"] = "false",
            ["Email__PollInterval"] = "00:00:00.200",
            ["Email__ClaimTimeout"] = "00:00:03",
        };
        try
        {
            var (missionId, token, app) = await StartAndInviteAsync(env, count: 200);
            await using (app)
            {
                await WaitUntilAsync(() => smtp.Count >= 40, TimeSpan.FromSeconds(60));
                using var reader = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
                reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                await postgres.StopAsync();
                var down = new List<HttpStatusCode>();
                for (var i = 0; i < 5; i++)
                {
                    down.Add((await reader.GetAsync($"/api/v1/missions/{missionId}")).StatusCode);
                }

                down.Should().AllBeEquivalentTo(HttpStatusCode.ServiceUnavailable, "without its database the app says so, quickly, instead of failing");
                (await reader.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
                await Task.Delay(2000);
                await postgres.StartAgainAsync();

                // After the restart it works again by itself.
                var statuses = new List<HttpStatusCode>();
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline)
                {
                    var status = (await reader.GetAsync($"/api/v1/missions/{missionId}")).StatusCode;
                    statuses.Add(status);
                    if (statuses.Count >= 3 && statuses.TakeLast(3).All(s => s == HttpStatusCode.OK))
                    {
                        break;
                    }

                    await Task.Delay(200);
                }

                statuses.TakeLast(3).Should().AllBeEquivalentTo(HttpStatusCode.OK, "the app reconnects without a restart of its own");
                await WaitUntilAsync(() => smtp.Messages.Select(m => m.MessageId).Distinct().Count() >= 200, TimeSpan.FromSeconds(120));
                await Task.Delay(1000);
                var received = smtp.Messages;
                var duplicates = received.Count - received.Select(m => m.MessageId).Distinct().Count();
                output.WriteLine($"statuses during the restart: {string.Join(", ", statuses.Select(s => (int)s))}; {duplicates} duplicate(s)");
                received.Select(m => m.MessageId).Distinct().Should().HaveCount(200, "every invitation arrives");
                duplicates.Should().BeLessThanOrEqualTo(2, "only a message whose outcome was being recorded at the cut may go twice, one per connection");
                (await reader.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task ChromiumKilledDuringABatchOfItineraries_IsStartedAgain_AndEveryItineraryIsPrinted()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        var env = Environment(database, smtp);
        // A print that never answers is abandoned after this long and the browser replaced (60 s by default).
        env["Documents__RenderTimeout"] = "00:00:10";
        // Batches of 5 (25 by default): the kill lands while the 40 are still printing, not after.
        env["Documents__BatchSize"] = "5";
        var (missionId, token, app) = await StartAndInviteAsync(env, count: 0);
        await using (app)
        {
            var run = (string)(await PostAsync(app, token, $"/api/v1/missions/{missionId}/documents", new { kind = "Itineraries" }, HttpStatusCode.Accepted))["id"]!;
            var url = $"/api/v1/missions/{missionId}/documents/{run}";
            await WaitUntilAsync(() => (int)ApiAsync(app, token, url).GetAwaiter().GetResult()["done"]! >= 5, TimeSpan.FromSeconds(120));

            // Kill the browser the app drives (its process tree only: other tests may have browsers of their own).
            var killed = await KillDescendantsAsync(app.Id, name => name.Contains("chrom", StringComparison.OrdinalIgnoreCase));
            killed.Should().BeGreaterThan(0, "the app's Chromium was running");
            try
            {
                await WaitUntilAsync(() => (string)ApiAsync(app, token, url).GetAwaiter().GetResult()["status"]! is "Done" or "Failed", TimeSpan.FromSeconds(180));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The run never ended: {(await ApiAsync(app, token, url)).ToJsonString()}\n{app.Output[^Math.Min(app.Output.Length, 4000)..]}");
            }

            var done = await ApiAsync(app, token, url);
            ((string)done["status"]!).Should().Be("Done", (string?)done["error"]);
            ((int)done["done"]!).Should().Be(40).And.Be((int)done["total"]!);
            using var client = new HttpClient { BaseAddress = app.Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var zip = await client.GetByteArrayAsync($"{url}/files/{(string)done["files"]!.AsArray().First(f => ((string)f!).EndsWith(".zip", StringComparison.Ordinal))!}");
            using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
            archive.Entries.Should().HaveCount(40, "every delegate's itinerary is printed, none lost to the crash");
            archive.Entries.Should().OnlyContain(e => e.Length > 1000);
        }
    }

    private static async Task<int> KillDescendantsAsync(int root, Func<string, bool> match)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ps", "-eo pid=,ppid=,comm=") { RedirectStandardOutput = true };
        using var ps = System.Diagnostics.Process.Start(start)!;
        var rows = (await ps.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 3)
            .Select(p => (Pid: int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Parent: int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), Name: p[2])).ToList();
        var family = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var row in rows.Where(r => family.Contains(r.Parent) && family.Add(r.Pid)))
            {
                grew = true;
            }
        }

        var killed = 0;
        foreach (var row in rows.Where(r => r.Pid != root && family.Contains(r.Pid) && match(r.Name)))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(row.Pid).Kill();
                killed++;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
            }
        }

        return killed;
    }

    [Fact]
    public async Task TwoWebNodesOnOnePostgres_ShareSignIns_SendEachEmailOnce_AndOneFinishesWhatTheOtherStarted()
    {
        await using var smtp = await SmtpSink.StartAsync(delayMs: 15);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrated: false);
        var envA = Environment(database, smtp);
        // Machines of a cluster share the database and the personal-data key, not a disk.
        envA["Privacy__EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var (missionId, token, nodeA) = await StartAndInviteAsync(envA, count: 0);
        var envB = new Dictionary<string, string>(envA) { ["MISSIONPLANNER_DATA"] = Path.Combine(database.Directory, "node-b") };
        envB.Remove("ASPNETCORE_URLS");
        await using var nodeB = await AppProcess.StartServerAsync(envB);

        // Signed in on A, the same browser is signed in on B; a form B served is accepted by A.
        var (_, stdout, _) = await AppProcess.RunVerbAsync(envA, "organiser", "add", "bob@example.org");
        var link = new Uri(stdout.Split('\n').Single(l => l.Contains("/signin/link?token=")).Split(": ", 2)[1].Trim());
        var cookies = new CookieContainer();
        using var onA = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = nodeA.Address };
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = nodeB.Address };
        var form = await onB.GetStringAsync(link.PathAndQuery);
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await onA.PostAsync("/signin/link", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!,
            ["__RequestVerificationToken"] = antiforgery,
        }));
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "node A accepts the antiforgery token node B issued");
        (await onA.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await onB.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "node B reads the sign-in cookie node A wrote");

        // 200 invitations: both nodes' dispatchers take part; A is killed half-way and B finishes.
        var csv = new StringBuilder("email,name\n");
        for (var i = 0; i < 200; i++)
        {
            csv.Append($"delegate{i:D3}@example.org,Delegate {i}\n");
        }

        ((int)(await PostAsync(nodeA, token, $"/api/v1/missions/{missionId}/invitations/import", new { csv = csv.ToString() }))["imported"]!).Should().Be(200);
        await WaitUntilAsync(() => smtp.Count >= 60, TimeSpan.FromSeconds(60));
        await nodeA.KillAsync();
        var deliveredBeforeKill = smtp.Count;
        await WaitUntilAsync(() => smtp.Messages.Select(m => m.MessageId).Distinct().Count() >= 200, TimeSpan.FromSeconds(120));
        await Task.Delay(1000);

        var received = smtp.Messages;
        var duplicates = received.Count - received.Select(m => m.MessageId).Distinct().Count();
        output.WriteLine($"{deliveredBeforeKill} delivered before node A was killed, {received.Count} in all, {duplicates} duplicate(s)");
        received.Select(m => m.MessageId).Distinct().Should().HaveCount(200, "node B finishes what node A started");
        duplicates.Should().BeLessThanOrEqualTo(2, "only the message each of node A's two connections was handing over when it died may go twice");
        ((int)(await ApiAsync(nodeB, token, $"/api/v1/missions/{missionId}/outbox?status=Sent"))["counts"]!["Sent"]!).Should().Be(200);
    }

    private static Dictionary<string, string> Environment(TestDatabase database, SmtpSink smtp) => new()
    {
        ["MISSIONPLANNER_DATA"] = database.Directory,
        ["Database__Provider"] = database.Provider.ToString(),
        ["Database__ConnectionString"] = database.ConnectionString,
        ["Email__SmtpHost"] = "127.0.0.1",
        ["Email__SmtpPort"] = smtp.Port.ToString(),
        ["Email__StartTls"] = "false",
        ["Email__PollInterval"] = "00:00:00.200",
        ["Email__ClaimTimeout"] = "00:00:03",
    };

    private static async Task<(Guid MissionId, string Token, AppProcess App)> StartAndInviteAsync(Dictionary<string, string> env, int count)
    {
        var app = await AppProcess.StartServerAsync(env);
        env["Auth__PublicBaseUrl"] = app.Address.ToString();
        var (exit, stdout, stderr) = await AppProcess.RunVerbAsync(env, "organiser", "add", "ann@example.org");
        exit.Should().Be(0, stderr);
        var token = stdout.TrimEnd().Split('\n')[^1]["token: ".Length..];
        var missions = await ApiAsync(app, token, "/api/v1/missions");
        var missionId = Guid.Parse((string)missions.AsArray()[0]!["id"]!);
        if (count > 0)
        {
            var csv = new StringBuilder("email;name\n");
            for (var i = 0; i < count; i++)
            {
                csv.Append($"delegate{i:D3}@example.org;Delegate {i}\n");
            }

            var imported = await PostAsync(app, token, $"/api/v1/missions/{missionId}/invitations/import", new { csv = csv.ToString() });
            ((int)imported["imported"]!).Should().Be(count);
        }

        return (missionId, token, app);
    }

    private static async Task<JsonNode> ApiAsync(AppProcess app, string token, string path)
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> PostAsync(AppProcess app, string token, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsync(path, new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition was not met in time.");
            }

            await Task.Delay(50);
        }
    }
}
