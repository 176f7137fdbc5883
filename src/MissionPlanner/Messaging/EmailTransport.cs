using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Messaging;

namespace MissionPlanner.Messaging;

public enum SendOutcome
{
    Sent,

    /// <summary>Temporary: a 4xx reply, a time-out or a lost connection. The message is tried again later.</summary>
    RetryLater,

    /// <summary>Permanent: a 5xx reply, or something this side refuses (an address, a certificate). The reason says what to do.</summary>
    Failed,

    /// <summary>The server says it is sent to too fast: every node pauses; the message keeps its attempts.</summary>
    Throttled,

    /// <summary>
    /// No message can go until the settings or the server change (an untrusted certificate, a refused
    /// sign-in, the sender refused, STARTTLS not offered): every node pauses with the reason shown on
    /// the Outbox page, and the messages keep their attempts instead of all failing one by one.
    /// </summary>
    ServerUnusable,
}

public sealed record SendResult(SendOutcome Outcome, string? Error = null)
{
    public static readonly SendResult Ok = new(SendOutcome.Sent);

    /// <summary>No connection to the server could be made or set up for this message (it never reached a MAIL command).</summary>
    public bool NoConnection { get; init; }

    /// <summary>With <see cref="NoConnection"/>: the server answered the new connection with a refusal (e.g. 421 too many connections), rather than the network failing.</summary>
    public bool RefusedByServer { get; init; }
}

/// <summary>
/// Sends outbox messages with MailKit over one SMTP connection, re-used for a whole dispatcher run
/// (or writes them as .eml files to the pickup folder when no server is configured). Messages are
/// built by <see cref="MimeMessages"/>; replies are sorted into the outcomes the dispatcher acts on.
/// </summary>
/// <remarks>
/// The socket is opened here with NoDelay: MailKit writes the end-of-data marker as a small write
/// of its own, and with Nagle's algorithm on, Linux's 40 ms delayed ACK held it back for ~44 ms per
/// message (19–22 messages/s; 1,400–3,100/s without, bench/RESULTS.md). MailKit pipelines MAIL/RCPT/DATA when the server
/// offers PIPELINING (RFC 2920) and uses SMTPUTF8 (RFC 6531) when the server offers it.
/// </remarks>
public sealed partial class EmailTransport : IAsyncDisposable
{
    private readonly EmailOptions options;
    private readonly DataDirectory data;
    private readonly X509Certificate2Collection? trusted;
    private SmtpClient? client;
    private int sentOnConnection;
    private string? certificateProblem;

    public EmailTransport(EmailOptions options, DataDirectory data)
    {
        this.options = options;
        this.data = data;
        trusted = string.IsNullOrWhiteSpace(options.TrustedCertificateFile) ? null : Trusted.GetOrAdd(options.TrustedCertificateFile, LoadTrusted);
    }

    // A transport is made per dispatcher run, every few seconds: the certificate file is read once per process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, X509Certificate2Collection> Trusted = new();

    /// <summary>Whether a connection to the server is open now.</summary>
    public bool IsConnected => client is { IsConnected: true };

    /// <summary>Sends one message; see <see cref="MimeMessages.Build"/> for <paramref name="holdEndUntil"/>, whose failure is thrown after the connection is dropped.</summary>
    public async Task<SendResult> SendAsync(OutboxMessage message, Task holdEndUntil, CancellationToken ct)
    {
        stage = Stage.Building;
        refusedByServer = false;
        try
        {
            var result = await SendOverConnectionAsync(message, holdEndUntil, ct);
            return stage == Stage.Connecting ? result with { NoConnection = true, RefusedByServer = refusedByServer } : result;
        }
        finally
        {
            stage = Stage.Building;
        }
    }

    /// <summary>Whether this transport is opening a connection now (a further connection counts it as taken).</summary>
    public bool IsConnecting => stage == Stage.Connecting;

    private bool refusedByServer;

    private enum Stage
    {
        Building,
        Connecting,
        Connected,
    }

    private volatile Stage stage;

    private async Task<SendResult> SendOverConnectionAsync(OutboxMessage message, Task holdEndUntil, CancellationToken ct)
    {
        MimeMessage mime;
        try
        {
            mime = MimeMessages.Build(message, options, options.UsesPickupFolder ? null : holdEndUntil);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or ParseException)
        {
            // A message that cannot be built will never send; the others in the batch still go.
            return new SendResult(SendOutcome.Failed, $"The message cannot be built: {ex.Message}");
        }

        if (options.UsesPickupFolder)
        {
            await holdEndUntil;
            await WritePickupFileAsync(mime, message, ct);
            return SendResult.Ok;
        }

        stage = Stage.Connecting;
        try
        {
            var smtp = await ConnectedAsync(ct);
            stage = Stage.Connected;
            if ((smtp.Capabilities & SmtpCapabilities.UTF8) == 0 && InternationalAddress(message) is { } address)
            {
                return new SendResult(SendOutcome.Failed,
                    $"The mail server does not accept addresses with accents or other letters outside English before the @ (it does not offer SMTPUTF8): "
                    + $"ask for another address than {address}, or use a mail server that supports international addresses.");
            }

            await smtp.SendAsync(mime, ct);
            if (options.MessagesPerConnection > 0 && ++sentOnConnection >= options.MessagesPerConnection)
            {
                await DisconnectAsync();
            }

            return SendResult.Ok;
        }
        catch (Exception) when (holdEndUntil.IsFaulted || holdEndUntil.IsCanceled)
        {
            // The previous outcome could not be recorded: this message was abandoned before its end, so the server
            // discards it when the connection goes; the caller learns why from the hold itself.
            await DisconnectAsync();
            throw;
        }
        catch (SmtpCommandException ex)
        {
            refusedByServer = stage == Stage.Connecting;
            var result = stage == Stage.Connecting && (int)ex.StatusCode is >= 500 and < 600
                ? new SendResult(SendOutcome.ServerUnusable, $"The mail server {options.SmtpHost}:{options.SmtpPort} refused the connection's set-up: SMTP {(int)ex.StatusCode}: {ex.Message}")
                : ex.ErrorCode == SmtpErrorCode.SenderNotAccepted && (int)ex.StatusCode is >= 500 and < 600
                    ? new SendResult(SendOutcome.ServerUnusable, $"The mail server refuses the sender {options.FromAddress} (Email:FromAddress): SMTP {(int)ex.StatusCode}: {ex.Message}")
                    : Classify((int)ex.StatusCode, ex.Message, recipientStage: ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted);
            if (result.Outcome is SendOutcome.Throttled or SendOutcome.ServerUnusable || !(client?.IsConnected ?? false))
            {
                await DisconnectAsync();
            }

            return result;
        }
        catch (SslHandshakeException ex)
        {
            await DisconnectAsync();
            // A certificate this side refuses is a setting to change; a handshake cut short by the network is worth another try.
            return certificateProblem is null
                ? new SendResult(SendOutcome.RetryLater, CertificateFailure(ex))
                : new SendResult(SendOutcome.ServerUnusable, CertificateFailure(ex));
        }
        catch (AuthenticationException ex)
        {
            await DisconnectAsync();
            return new SendResult(SendOutcome.ServerUnusable,
                $"The mail server {options.SmtpHost}:{options.SmtpPort} refused the sign-in (Email:UserName and Email:Password): {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            // E.g. STARTTLS required by the settings but not offered by the server.
            await DisconnectAsync();
            return new SendResult(SendOutcome.ServerUnusable,
                $"The mail server {options.SmtpHost}:{options.SmtpPort} cannot be used with these settings (Email:Security is {options.EffectiveSecurity}): {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or TimeoutException or ServiceNotConnectedException
                                       or OperationCanceledException && !ct.IsCancellationRequested)
        {
            await DisconnectAsync();
            return new SendResult(SendOutcome.RetryLater, Describe(ex));
        }
    }

    public async ValueTask DisposeAsync() => await DisconnectAsync();

    /// <summary>
    /// 5xx is permanent (the server said no); 4xx is worth retrying, unless its words say the
    /// sender goes too fast, which slows every node down instead of spending this message's tries.
    /// </summary>
    /// <remarks>
    /// Only replies about the sender count as "too fast" (421, 451, 452 to the connection, MAIL or DATA,
    /// with words such as "too many messages", "rate" or "slow down"): a reply about one recipient
    /// (greylisting, a full mailbox) is that message's own temporary failure and spends its tries.
    /// </remarks>
    internal static SendResult Classify(int code, string reply, bool recipientStage = false)
    {
        var error = $"SMTP {code}: {reply}";
        return code switch
        {
            >= 500 and < 600 => new SendResult(SendOutcome.Failed, error),
            421 or 451 or 452 when !recipientStage && RateWording().IsMatch(reply) =>
                new SendResult(SendOutcome.Throttled, $"The mail server asked to slow down: {error}"),
            _ => new SendResult(SendOutcome.RetryLater, error),
        };
    }

    [GeneratedRegex(@"too many\b.{0,30}\b(messages|mails|emails|connections|requests|sessions)|too fast|\brate\b|rate.?limit|throttl|slow down|try again later", RegexOptions.IgnoreCase)]
    private static partial Regex RateWording();

    private static string? InternationalAddress(OutboxMessage message) =>
        EmailAddress.NeedsSmtpUtf8(message.ToAddress) ? message.ToAddress : null;

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        await DisconnectAsync();
        var smtp = new SmtpClient { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };
        smtp.ServerCertificateValidationCallback = ValidateCertificate;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(options.SmtpTimeout);
                await socket.ConnectAsync(options.SmtpHost!, options.SmtpPort, timeout.Token);
            }

            var security = options.EffectiveSecurity switch
            {
                SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            certificateProblem = null;
            await smtp.ConnectAsync(socket, options.SmtpHost!, options.SmtpPort, security, ct);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            }
        }
        catch
        {
            smtp.Dispose();
            socket.Dispose();
            throw;
        }

        client = smtp;
        sentOnConnection = 0;
        return smtp;
    }

    private async Task DisconnectAsync()
    {
        var smtp = Interlocked.Exchange(ref client, null);
        if (smtp is null)
        {
            return;
        }

        try
        {
            if (smtp.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await smtp.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The connection is going anyway; what matters is that the next message gets a new one.
        }
        finally
        {
            smtp.Dispose();
        }
    }

    /// <summary>The system's authorities first; then, if configured, the private CA or self-signed certificate. The host name must match either way.</summary>
    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            certificateProblem = (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0
                ? $"its certificate is for another name than '{options.SmtpHost}' (Email:SmtpHost must be the name in the certificate)"
                : "it sent no certificate";
            return false;
        }

        if (trusted is null)
        {
            certificateProblem = $"its certificate is not signed by an authority this machine trusts ({Statuses(chain)}). "
                                 + "For an in-house relay with a private CA or a self-signed certificate, set Email:TrustedCertificateFile to that certificate";
            return false;
        }

        using var own = new X509Chain();
        own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        own.ChainPolicy.CustomTrustStore.AddRange(trusted);
        own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Intermediate certificates the server sent along, so that a private CA's chain can be completed.
        if (chain is not null)
        {
            own.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            own.ChainPolicy.ExtraStore.AddRange(chain.ChainElements.Select(e => e.Certificate).ToArray());
        }

        var server = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (own.Build(server))
        {
            return true;
        }

        certificateProblem = $"its certificate is signed neither by an authority this machine trusts nor by {options.TrustedCertificateFile} ({Statuses(own)})";
        return false;
    }

    private string CertificateFailure(SslHandshakeException ex) =>
        certificateProblem is { } problem
            ? $"The mail server {options.SmtpHost}:{options.SmtpPort} was not trusted: {problem}."
            : $"The secure connection to the mail server {options.SmtpHost}:{options.SmtpPort} failed (Email:Security is {options.EffectiveSecurity}): {FirstLine(ex.Message)}";

    private static string Statuses(X509Chain? chain) =>
        chain is null || chain.ChainStatus.Length == 0
            ? "no chain"
            : string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());

    /// <summary>Whether <paramref name="file"/> (Email:TrustedCertificateFile) is empty or holds a certificate, for the check at start-up.</summary>
    public static bool CanLoadTrusted(string? file)
    {
        try
        {
            return string.IsNullOrWhiteSpace(file) || LoadTrusted(file).Count > 0;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static X509Certificate2Collection LoadTrusted(string file)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(file);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                collection.ImportFromPem(text);
            }
            else
            {
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(file));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"Email:TrustedCertificateFile '{file}' cannot be read as a certificate: {ex.Message}", ex);
        }

        return collection;
    }

    /// <summary>Written under a temporary name and renamed, so a reader of the folder never sees half a message.</summary>
    private async Task WritePickupFileAsync(MimeMessage mime, OutboxMessage message, CancellationToken ct)
    {
        var folder = data.EnsureFolder("mail");
        var name = $"{message.CreatedAt:yyyyMMdd-HHmmss}-{message.Id:N}.eml";
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        await mime.WriteToAsync(FormatOptions.Default, temporary, ct);
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }

    private static string Describe(Exception ex) =>
        ex.InnerException is null || ex.Message.Contains(ex.InnerException.Message, StringComparison.Ordinal)
            ? FirstLine(ex.Message)
            : $"{FirstLine(ex.Message)} ({FirstLine(ex.InnerException.Message)})";

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
