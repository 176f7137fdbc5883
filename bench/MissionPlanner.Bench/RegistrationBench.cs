using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using MissionPlanner.Web.Tests.Infrastructure;
using Npgsql;

namespace MissionPlanner.Bench;

/// <summary>
/// Registrations through HTTP (public API: validation, the capacity decision under the mission
/// lock, the registration, its audit entry and the rendered email in the outbox, one transaction)
/// against raw transactional inserts of the same three rows into the same SQLite file with the same
/// concurrency, in the same run; then latency at a fixed rate of half the HTTP maximum.
/// </summary>
internal static class RegistrationBench
{
    public static async Task RunAsync(string[] args)
    {
        var database = Text(args, "--database", "both");
        if (database is "sqlite" or "both")
        {
            await RunOnAsync(args, postgres: null);
        }

        if (database is "postgres" or "both")
        {
            // A server of the benchmark's own, committing to disk as in production.
            await using var postgres = await PrivatePostgres.StartAsync(durable: true);
            await RunOnAsync(args, postgres.ConnectionString);
        }
    }

    private static async Task RunOnAsync(string[] args, string? postgres)
    {
        var count = Arg(args, "--registrations", 4000);
        var concurrency = Arg(args, "--concurrency", 8);
        var seconds = Arg(args, "--seconds", 10);
        var warmupSeconds = Arg(args, "--warmup-seconds", 30);
        var rounds = Arg(args, "--rounds", 3);
        var root = Path.Combine(Path.GetTempPath(), $"mp-bench-{Guid.NewGuid():N}"[..20]);
        var env = new Dictionary<string, string>
        {
            ["MISSIONPLANNER_DATA"] = root,
            ["Logging__LogLevel__Default"] = "Warning",
            // Registrations are measured alone: no dispatcher competing for the database.
            ["Jobs__Enabled"] = "false",
            ["Auth__PublicRegistrationsPerMinute"] = "10000000",
            ["DOTNET_gcServer"] = Environment.GetEnvironmentVariable("BENCH_GCSERVER") ?? "1",
        };
        if (postgres is not null)
        {
            env["Database__Provider"] = "Postgres";
            env["Database__ConnectionString"] = postgres;
        }

        var databaseName = postgres is null ? "SQLite (WAL)" : "PostgreSQL (a local server, fsync on)";
        await using var app = await AppProcess.StartServerAsync(env);
        var (_, stdout, _) = await AppProcess.RunVerbAsync(env, "organiser", "add", "bench@example.org");
        using var api = new HttpClient { BaseAddress = app.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stdout.TrimEnd().Split('\n')[^1]["token: ".Length..]);
        using var anonymous = new HttpClient { BaseAddress = app.Address };

        // Warm-up to the steady state a server runs in: the tiered JIT keeps recompiling the hot
        // paths (ASP.NET Core, EF Core, ours) with profile data for tens of seconds after start;
        // measured earlier, a run mostly measures the JIT (0.2-0.3 of the raw rate after 1,000
        // registrations of warm-up, 0.5 after 10,000). Missions of 10,000 places, a new one when full.
        var warmMissions = new List<string>();
        for (var m = 0; m < 8; m++)
        {
            warmMissions.Add(await OpenMissionAsync(api, $"warm-up {m}", capacity: 10_000));
        }

        var warmed = await TimedLoopAsync(TimeSpan.FromSeconds(warmupSeconds), warmMissions.Count * 20_000, concurrency,
            i => PostAsync(anonymous, warmMissions[i / 20_000], $"warm{i}"));
        await Task.Delay(1000);

        // Rounds alternate between the two paths, each on a mission of its own, so drift on a
        // shared machine falls on both; the medians are compared.
        var httpRuns = new List<(double Seconds, int Errors)>();
        var rawRuns = new List<(double Seconds, int Errors)>();
        var cpu = new List<double>();
        string httpMission = "";
        for (var round = 0; round < rounds; round++)
        {
            httpMission = await OpenMissionAsync(api, $"HTTP {round}", capacity: count / 2);
            var rawMission = await OpenMissionAsync(api, $"raw {round}", capacity: count / 2);
            var cpuBefore = app.ProcessorTime;
            httpRuns.Add(await ClosedLoopAsync(count, concurrency, i => PostAsync(anonymous, httpMission, $"p{round}-{i}")));
            cpu.Add((app.ProcessorTime - cpuBefore).TotalMilliseconds / count);
            rawRuns.Add(postgres is null
                ? await RawInsertsAsync(Path.Combine(root, "missionplanner.db"), rawMission, count, concurrency)
                : await RawPostgresInsertsAsync(postgres, Guid.Parse(rawMission), count, concurrency));
        }

        var http = Median(httpRuns.Select(r => r.Seconds));
        var raw = Median(rawRuns.Select(r => r.Seconds));
        var rate = Math.Max(1, (int)(count / http / 2));
        var latency = await Load.OpenLoopAsync(rate, seconds, i => PostAsync(anonymous, httpMission, $"r{i}"));

        var confirmed = (int)JsonNode.Parse(await api.GetStringAsync($"/api/v1/missions/{httpMission}/delegation"))!["confirmed"]!;
        Console.WriteLine($"Registrations: {count} per round with {concurrency} concurrent clients, {databaseName}, capacity {count / 2} (half confirmed, half waitlisted);");
        Console.WriteLine($"after {warmupSeconds} s of warm-up ({warmed} registrations); {rounds} rounds, each path alternately, medians compared");
        Console.WriteLine("| path | median s | registrations/s | each round (registrations/s) | errors | ratio to baseline |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|");
        Console.WriteLine($"| baseline: raw transactional inserts of the same rows (registration, audit, outbox) | {raw:F2} | {count / raw:F0} | {Rates(rawRuns, count)} | {rawRuns.Sum(r => r.Errors)} | 1.00 |");
        Console.WriteLine($"| POST /api/v1/public/missions/{{id}}/registrations (validation, capacity, outbox) | {http:F2} | {count / http:F0} | {Rates(httpRuns, count)} | {httpRuns.Sum(r => r.Errors)} | {raw / http:F2} |");
        Console.WriteLine();
        Console.WriteLine($"Latency at half the HTTP maximum: {rate} registrations/s for {seconds} s (open loop, from the scheduled time, after 2 s at that rate unrecorded)");
        Console.WriteLine("| p50 ms | p99 ms | max ms | errors |");
        Console.WriteLine("|---:|---:|---:|---:|");
        Console.WriteLine($"| {Load.Percentile(latency.Ms, 50):F2} | {Load.Percentile(latency.Ms, 99):F2} | {latency.Ms.Max():F2} | {latency.Errors} |");
        Console.WriteLine($"(app CPU per registration over HTTP: {Median(cpu):F2} ms)");
        Console.WriteLine($"(capacity held: {confirmed} confirmed of {count / 2} places after {count + rate * (seconds + 2)} registrations)");
        Console.WriteLine();

        await app.DisposeAsync(); // before deleting its data directory
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> OpenMissionAsync(HttpClient api, string name, int capacity)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var created = await api.PostAsJsonAsync("/api/v1/missions", new
        {
            title = $"Bench {name}",
            hostCountry = "United Kingdom",
            hostCity = "London",
            timeZoneId = "Europe/London",
            startDate = start,
            endDate = start.AddDays(3),
        });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        (await api.PostAsJsonAsync($"/api/v1/missions/{id}/status", new { status = "Open" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/missions/{id}/registration-mode", new { mode = "Open" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/missions/{id}/delegation/capacity", new { capacity })).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<bool> PostAsync(HttpClient client, string missionId, string who)
    {
        // The body is serialised before the clock matters as little as possible: the server is what is measured.
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(BodyTemplate.Replace("{who}", who)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync($"/api/v1/public/missions/{missionId}/registrations", content);
        return response.StatusCode == System.Net.HttpStatusCode.Accepted;
    }

    private const string BodyTemplate =
        """{"email":"{who}@example.org","details":{"name":"Delegate {who}","organisation":"TU Delft","sector":"Academia","role":"Member","consentProcessing":true,"phone":"+31 6 1234 5678","dietary":"vegetarian","consentListing":true}}""";

    /// <summary>The same rows the app writes, with prepared statements, one transaction per registration.</summary>
    private static async Task<(double Seconds, int Errors)> RawInsertsAsync(string file, string missionId, int count, int concurrency)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString();
        string dbMissionId;
        await using (var probe = new SqliteConnection(connectionString))
        {
            await probe.OpenAsync();
            await using var find = probe.CreateCommand();
            find.CommandText = "SELECT id FROM missions WHERE lower(id) = lower($id)";
            find.Parameters.AddWithValue("$id", missionId);
            dbMissionId = (string)(await find.ExecuteScalarAsync())!;
        }

        return await WorkersAsync(count, concurrency, async () =>
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
                await pragma.ExecuteNonQueryAsync();
            }

            return new Worker(async i =>
            {
                try
                {
                    await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
                    await using var command = connection.CreateCommand();
                    command.Transaction = tx;
                    var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
                    var id = Guid.NewGuid().ToString().ToUpperInvariant();
                    command.CommandText = """
                        UPDATE missions SET registration_sequence = registration_sequence + 1 WHERE id = $m;
                        INSERT INTO registrations (id, mission_id, email, name, phone, organisation, sector, role, dietary, consent_photos, consent_listing,
                            consented_at, accommodation_needed, arrival, status, token_hash, created_at, updated_at, version, answers)
                        VALUES ($id, $m, $email, $name, '+31 6 1234 5678', 'TU Delft', 'Academia', 'Member', 'vegetarian', 0, 1,
                            $now, 0, $i, 'Confirmed', $token, $now, $now, 0, '{}');
                        INSERT INTO registration_audits (id, mission_id, registration_id, action, actor, detail, at)
                        VALUES ($audit, $m, $id, 'registered', 'participant', 'Confirmed', $now);
                        INSERT INTO outbox_messages (id, mission_id, template, to_address, to_name, subject, html_body, text_body, model_json, message_id,
                            status, attempts, next_attempt_at, created_at)
                        VALUES ($mail, $m, 'registration-status', $email, $name, 'You are registered: Bench raw', $html, $text, '{}', $mid, 'Queued', 0, $now, $now);
                        """;
                    command.Parameters.AddWithValue("$m", dbMissionId);
                    command.Parameters.AddWithValue("$id", id);
                    command.Parameters.AddWithValue("$email", $"raw{i}@example.org");
                    command.Parameters.AddWithValue("$name", $"Delegate raw{i}");
                    command.Parameters.AddWithValue("$now", now);
                    command.Parameters.AddWithValue("$i", i + 1);
                    command.Parameters.AddWithValue("$token", Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));
                    command.Parameters.AddWithValue("$audit", Guid.NewGuid().ToString().ToUpperInvariant());
                    command.Parameters.AddWithValue("$mail", Guid.NewGuid().ToString().ToUpperInvariant());
                    command.Parameters.AddWithValue("$html", new string('x', 1500));
                    command.Parameters.AddWithValue("$text", new string('x', 600));
                    command.Parameters.AddWithValue("$mid", $"<{Guid.NewGuid():N}@bench>");
                    await command.ExecuteNonQueryAsync();
                    await tx.CommitAsync();
                    return true;
                }
                catch (SqliteException)
                {
                    return false;
                }
            }, connection);
        });
    }

    /// <summary>The same rows on PostgreSQL: the counter update (the row lock) and three inserts, one transaction per registration.</summary>
    private static async Task<(double Seconds, int Errors)> RawPostgresInsertsAsync(string connectionString, Guid missionId, int count, int concurrency)
    {
        // Prepared, as the app's statements are (automatic preparation, see MissionPlannerServices).
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50 });
        return await WorkersAsync(count, concurrency, async () =>
        {
            var connection = await source.OpenConnectionAsync();
            return new Worker(async i =>
            {
                try
                {
                    await using var tx = await connection.BeginTransactionAsync();
                    await using var command = new NpgsqlCommand("""
                        UPDATE missions SET registration_sequence = registration_sequence + 1 WHERE id = @m;
                        INSERT INTO registrations (id, mission_id, email, name, phone, organisation, sector, role, dietary, consent_photos, consent_listing,
                            consented_at, accommodation_needed, arrival, status, token_hash, created_at, updated_at, version, answers)
                        VALUES (@id, @m, @email, @name, '+31 6 1234 5678', 'TU Delft', 'Academia', 'Member', 'vegetarian', false, true,
                            @now, false, @i, 'Confirmed', @token, @now, @now, 0, '{}');
                        INSERT INTO registration_audits (id, mission_id, registration_id, action, actor, detail, at)
                        VALUES (@audit, @m, @id, 'registered', 'participant', 'Confirmed', @now);
                        INSERT INTO outbox_messages (id, mission_id, template, to_address, to_name, subject, html_body, text_body, model_json, message_id,
                            status, attempts, next_attempt_at, created_at)
                        VALUES (@mail, @m, 'registration-status', @email, @name, 'You are registered: Bench raw', @html, @text, '{}', @mid, 'Queued', 0, @now, @now);
                        """, connection, tx);
                    var id = Guid.NewGuid();
                    command.Parameters.AddWithValue("m", missionId);
                    command.Parameters.AddWithValue("id", id);
                    command.Parameters.AddWithValue("email", $"raw{i}@example.org");
                    command.Parameters.AddWithValue("name", $"Delegate raw{i}");
                    command.Parameters.AddWithValue("now", DateTime.UtcNow);
                    command.Parameters.AddWithValue("i", (long)(i + 1));
                    command.Parameters.AddWithValue("token", Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));
                    command.Parameters.AddWithValue("audit", Guid.NewGuid());
                    command.Parameters.AddWithValue("mail", Guid.NewGuid());
                    command.Parameters.AddWithValue("html", new string('x', 1500));
                    command.Parameters.AddWithValue("text", new string('x', 600));
                    command.Parameters.AddWithValue("mid", $"<{Guid.NewGuid():N}@bench>");
                    await command.ExecuteNonQueryAsync();
                    await tx.CommitAsync();
                    return true;
                }
                catch (NpgsqlException)
                {
                    return false;
                }
            }, connection);
        });
    }

    private static Task<(double Seconds, int Errors)> ClosedLoopAsync(int count, int concurrency, Func<int, Task<bool>> work) =>
        WorkersAsync(count, concurrency, () => Task.FromResult(new Worker(work)));

    /// <summary>A closed loop that stops at the deadline (or after <paramref name="limit"/> calls); returns how many were made.</summary>
    private static async Task<int> TimedLoopAsync(TimeSpan duration, int limit, int concurrency, Func<int, Task<bool>> work)
    {
        var calls = 0;
        await WorkersAsync(limit, concurrency, () => Task.FromResult(new Worker(async i =>
        {
            Interlocked.Increment(ref calls);
            return await work(i);
        })), duration);
        return calls;
    }

    /// <summary>
    /// <paramref name="concurrency"/> workers, each starting with what it keeps (a connection), take
    /// the next number until <paramref name="count"/> (or the deadline) and make their call.
    /// </summary>
    private static async Task<(double Seconds, int Errors)> WorkersAsync(int count, int concurrency, Func<Task<Worker>> start, TimeSpan? deadline = null)
    {
        var next = -1;
        var errors = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var worker = await start();
            await using var owned = worker.Owned;
            int i;
            while ((deadline is null || sw.Elapsed < deadline) && (i = Interlocked.Increment(ref next)) < count)
            {
                if (!await worker.Call(i))
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return (sw.Elapsed.TotalSeconds, errors);
    }

    /// <summary>One worker of a loop: its call, and what it owns until the loop ends.</summary>
    private sealed record Worker(Func<int, Task<bool>> Call, IAsyncDisposable? Owned = null);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Rates(IEnumerable<(double Seconds, int Errors)> runs, int count) =>
        string.Join(", ", runs.Select(r => (count / r.Seconds).ToString("F0")));

    private static string Text(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
    }
}
