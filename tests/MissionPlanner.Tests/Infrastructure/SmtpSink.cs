using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace MissionPlanner.Tests.Infrastructure;

public sealed record ReceivedPart(string ContentType, string? Charset, string Content);

public sealed record ReceivedAttachment(string? Filename, string ContentType, string? Content, int Size, string? ContentTypeHeader = null);

public sealed record ReceivedMailbox(string Name, string Address);

/// <summary>The headers as Python's email package reads them with its strict policy (which raises on any defect: then Error says which).</summary>
public sealed record StrictRead(IReadOnlyList<ReceivedMailbox> From, IReadOnlyList<ReceivedMailbox> To, string? Subject, string? Error);

public sealed record ReceivedEmail(
    string? MessageId, string? Subject, string? From, string? To, string? MailFrom, IReadOnlyList<string> RcptTos,
    string ContentType, IReadOnlyList<ReceivedPart> Parts, IReadOnlyList<ReceivedAttachment> Attachments,
    IReadOnlyDictionary<string, string> Headers, StrictRead Strict, IReadOnlyList<string> MailOptions, int Size, int PeerPort)
{
    public string Text => Parts.Single(p => p.ContentType == "text/plain").Content;
    public string Html => Parts.Single(p => p.ContentType == "text/html").Content;
}

public enum SinkTls
{
    None,
    StartTls,
    ImplicitTls,
}

/// <summary>
/// How the test server behaves: what it offers (SMTPUTF8, TLS with <see cref="Certificate"/>), how slow it is, whether it only counts
/// or spools each message to a file, how many connections it takes at once (0: any), and under which folder it keeps its files (<see cref="Root"/>; the system's temporary folder if null).
/// </summary>
public sealed record SmtpSinkOptions(
    int DelayMs = 0, bool SmtpUtf8 = true, SinkTls Tls = SinkTls.None, TestCertificates.ServerCertificate? Certificate = null, bool Fast = false,
    bool Spool = false, string? Root = null, int MaxConnections = 0);

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, tests/tools/smtp_sink.py) on a free loopback
/// port. Tests read what it received, parsed by Python's email package. It can be stopped and
/// started again on the same port to play an outage, and told to answer "421 too many messages".
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SmtpSinkOptions options;
    private Process? process;

    private SmtpSink(int port, string directory, SmtpSinkOptions options)
    {
        Port = port;
        Directory = directory;
        this.options = options;
    }

    public int Port { get; }
    public string Directory { get; }

    public static Task<SmtpSink> StartAsync(int delayMs = 0) => StartAsync(new SmtpSinkOptions(delayMs));

    public static async Task<SmtpSink> StartAsync(SmtpSinkOptions options)
    {
        var sink = new SmtpSink(FreePort(), Path.Combine(options.Root ?? Path.GetTempPath(), "mp-smtp", Guid.NewGuid().ToString("N")), options);
        await sink.StartAsync();
        return sink;
    }

    /// <summary>While on, every MAIL FROM is answered "421 4.7.0 Too many messages …, slow down".</summary>
    public void Throttle(bool on) => Flag("throttle", on);

    /// <summary>While on, every MAIL FROM is answered "553 5.7.1 Sender address rejected".</summary>
    public void RefuseSender(bool on) => Flag("refuse-sender", on);

    private void Flag(string name, bool on)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var flag = Path.Combine(Directory, name);
        if (on)
        {
            File.WriteAllText(flag, "");
        }
        else
        {
            File.Delete(flag);
        }
    }

    public static string Script
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MissionPlanner.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("MissionPlanner.sln not found"), "tests", "tools", "smtp_sink.py");
        }
    }

    public async Task StartAsync()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            throw new InvalidOperationException("The SMTP tests need Debian's python3 and python3-aiosmtpd: run scripts/test.sh (it installs them).");
        }

        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var args = new List<string> { Script, "--port", Port.ToString(), "--dir", Directory, "--delay-ms", options.DelayMs.ToString() };
        if (!options.SmtpUtf8)
        {
            args.Add("--no-smtputf8");
        }

        if (options.Fast || options.Spool)
        {
            args.Add(options.Spool ? "--spool" : "--fast");
        }

        if (options.MaxConnections > 0)
        {
            args.AddRange(["--max-connections", options.MaxConnections.ToString()]);
        }

        if (options.Tls != SinkTls.None)
        {
            var certificate = options.Certificate ?? throw new InvalidOperationException("A TLS test server needs a certificate.");
            args.AddRange([options.Tls == SinkTls.StartTls ? "--starttls" : "--implicit-tls", "--cert", certificate.CertificateFile, "--key", certificate.KeyFile]);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        process = Process.Start(info)!;
        var ready = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20))) != ready || ready.Result?.StartsWith("ready", StringComparison.Ordinal) != true)
        {
            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer in 20 s";
            throw new InvalidOperationException($"The SMTP test server did not start (is python3-aiosmtpd installed?): {error}");
        }
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public IReadOnlyList<ReceivedEmail> Messages =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<ReceivedEmail>(File.ReadAllText(f), Json)!).ToList()
            : [];

    /// <summary>How many messages arrived, without reading them.</summary>
    public int Count => File.Exists(Path.Combine(Directory, "count.bin")) ? (int)new FileInfo(Path.Combine(Directory, "count.bin")).Length : 0;

    /// <summary>Connections refused for being one too many (<see cref="SmtpSinkOptions.MaxConnections"/>).</summary>
    public int RefusedConnections =>
        File.Exists(Path.Combine(Directory, "refused-connections.log")) ? File.ReadAllLines(Path.Combine(Directory, "refused-connections.log")).Length : 0;

    /// <summary>Recipients the server refused with 550, in order.</summary>
    public IReadOnlyList<string> Rejected =>
        File.Exists(Path.Combine(Directory, "rejected.log")) ? File.ReadAllLines(Path.Combine(Directory, "rejected.log")) : [];

    public async Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
        {
            if (Count >= count)
            {
                return Messages;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Expected {count} message(s) at the SMTP server, got {Messages.Count}.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
