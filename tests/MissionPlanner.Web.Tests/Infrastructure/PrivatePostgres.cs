using System.Diagnostics;

namespace MissionPlanner.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own (Debian's binaries, a temporary directory, a free loopback
/// port), so the test may restart it without disturbing the shared one. PostgreSQL refuses to run
/// as root, so as root it runs as the same dedicated user scripts/test.sh uses.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string User = "missionplanner-pg";
    private readonly string bin;
    private readonly string dir;

    private readonly bool durable;

    private PrivatePostgres(string bin, string dir, int port, bool durable)
    {
        this.bin = bin;
        this.dir = dir;
        this.durable = durable;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=30";

    /// <param name="durable">Whether commits wait for the disk (fsync), as in production; tests need not.</param>
    public static async Task<PrivatePostgres> StartAsync(bool durable = false)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0)).Last() + "/bin";
        var dir = Path.Combine(Path.GetTempPath(), $"mp-pg-{Guid.NewGuid():N}"[..18]);
        Directory.CreateDirectory(dir);
        var pg = new PrivatePostgres(bin, dir, AppProcess.FreePort(), durable);
        if (Environment.UserName == "root")
        {
            await RunAsync("/bin/sh", "-c", $"id {User} >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin {User}; chmod 755 {dir}; chown -R {User} {dir}");
        }

        await pg.AsUserAsync($"{bin}/initdb", "-D", $"{dir}/data", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        await pg.ControlAsync("start");
        return pg;
    }

    /// <summary>Stops the server at once: every connection is cut.</summary>
    public Task StopAsync() => AsUserAsync($"{bin}/pg_ctl", "-D", $"{dir}/data", "-m", "immediate", "-w", "stop");

    public Task StartAgainAsync() => ControlAsync("start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsUserAsync($"{bin}/pg_ctl", "-D", $"{dir}/data", "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
        }

        Directory.Delete(dir, recursive: true);
    }

    private Task ControlAsync(string action, params string[] extra) =>
        AsUserAsync([$"{bin}/pg_ctl", "-D", $"{dir}/data", "-l", $"{dir}/pg.log", "-w", "-t", "60", .. extra,
            "-o", $"-p {Port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync={(durable ? "on" : "off")} -c max_connections=100", action]);

    private Task AsUserAsync(params string[] command) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", User, "--", .. command]) : RunAsync(command[0], command[1..]);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
