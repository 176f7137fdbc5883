using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MissionPlanner.Web.Tests.Infrastructure;

/// <summary>
/// Runs the built app as a separate process, as an operator would: the verbs, or the server on a
/// free loopback port with its own data directory and configuration from environment variables.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    /// <summary>CPU time the app has used so far (user and system), for benchmarks.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static string WebAssembly => typeof(MissionPlanner.Web.Hosting.Cli).Assembly.Location;

    /// <summary>The web project's folder, for its wwwroot.</summary>
    public static string ContentRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MissionPlanner.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("MissionPlanner.sln not found above the test folder"),
                "src", "MissionPlanner.Web");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="assembly">The app to run: the built one by default, or another (the benchmark runs the published one).</param>
    public static async Task<AppProcess> StartServerAsync(IDictionary<string, string> environment, TimeSpan? timeout = null, string? assembly = null)
    {
        var app = StartServer(environment, assembly);
        await app.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(90));
        return app;
    }

    /// <summary>Starts the server without waiting for it to be healthy (for tests of a start that fails).</summary>
    public static AppProcess StartServer(IDictionary<string, string> environment, string? assembly = null)
    {
        // A caller that needs to know the address beforehand (for links in emails) passes ASPNETCORE_URLS.
        var address = new Uri(environment.TryGetValue("ASPNETCORE_URLS", out var given) ? given : $"http://127.0.0.1:{FreePort()}");
        var env = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/') };
        var process = Start(["serve", "--contentRoot", ContentRoot], env, assembly);
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>Starts a node that runs background jobs only (the worker verb); it serves no HTTP.</summary>
    public static AppProcess StartWorker(IDictionary<string, string> environment)
    {
        var process = Start(["worker"], environment);
        var app = new AppProcess(process, new Uri("http://127.0.0.1:1"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public bool HasExited => process.HasExited;

    /// <summary>Runs a verb to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunVerbAsync(IDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (deadline.Elapsed < timeout)
            {
                // Listening but not answering within 5 s: a first start on a busy machine (the demo's
                // documents print as the scheduler starts). The deadline, not one request, decides.
            }

            // Often enough that the start-up benchmark measures the start, not the polling.
            await Task.Delay(20);
        }

        throw new TimeoutException($"The app was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private int disposed;

    private static Process Start(IEnumerable<string> args, IDictionary<string, string> environment, string? assembly = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly ?? WebAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
