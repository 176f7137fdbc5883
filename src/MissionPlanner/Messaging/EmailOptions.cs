namespace MissionPlanner.Messaging;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (RFC 3207), required: usually port 587.</summary>
    StartTls,

    /// <summary>TLS from the first byte ("SMTPS", RFC 8314 §3.3): usually port 465.</summary>
    ImplicitTls,

    /// <summary>No encryption: only for a relay on the same machine or a closed network.</summary>
    None,
}

/// <summary>The <c>Email</c> section: the SMTP server, the sender, and how fast and how often to send.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP server. Empty: messages are written as .eml files to &lt;data&gt;/mail instead.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>
    /// STARTTLS, ImplicitTls or None. Unset: ImplicitTls on port 465, otherwise STARTTLS, unless
    /// the older setting <see cref="StartTls"/> is false (then None).
    /// </summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>Older form of <see cref="Security"/>: false means None. Kept so existing settings files keep working.</summary>
    public bool? StartTls { get; set; }

    /// <summary>
    /// A certificate file (PEM or DER) to trust besides the system's authorities: the private CA
    /// of an in-house relay, or the relay's own self-signed certificate. The server's name must
    /// still match its certificate; revocation is not checked for certificates trusted this way.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }

    public string FromAddress { get; set; } = "missionplanner@localhost";
    public string FromName { get; set; } = "MissionPlanner";

    /// <summary>Messages claimed per dispatcher round; rounds follow one another over the same SMTP connections.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// SMTP connections the dispatcher sends over at once (1–10), each re-used for the whole run.
    /// A second connection keeps the server busy while this side records an outcome and builds
    /// the next message. Connections after the first open only once the first has delivered a
    /// message. One that cannot be opened while another is open hands its message to that one
    /// without spending an attempt; if the server refused it (e.g. 421 too many connections), only
    /// as many as the server took are used for an hour (per process and server). After a crash, at
    /// most one message per connection goes twice (ADR 29).
    /// </summary>
    public int Connections { get; set; } = 2;

    /// <summary>How often the dispatcher looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A message claimed for sending this long ago by a node that then died is tried again.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>First retry delay; each further attempt doubles it (with jitter), up to MaxRetryDelay.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time allowed for connecting and for each SMTP command.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most messages sent in any 60 seconds, counted over every node; 0 = no limit. Providers
    /// limit senders: Microsoft 365 documents 30 messages a minute per mailbox for SMTP submission.
    /// </summary>
    public int MessagesPerMinute { get; set; }

    /// <summary>The most messages sent in any 24 hours, counted over every node; 0 = no limit (Google Workspace: 2,000 a day per user).</summary>
    public int MessagesPerDay { get; set; }

    /// <summary>Messages sent over one SMTP connection before it is closed and a new one opened; 0 = no limit.</summary>
    public int MessagesPerConnection { get; set; }

    /// <summary>
    /// How long every node stops sending when the server says it is sent to too fast (421/451/452
    /// with words such as "too many" or "rate"); doubled each time in a row, up to <see cref="MaxThrottlePause"/>.
    /// </summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxThrottlePause { get; set; } = TimeSpan.FromMinutes(30);

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(SmtpHost);

    public SmtpSecurity EffectiveSecurity =>
        Security ?? (StartTls == false ? SmtpSecurity.None : SmtpPort == 465 ? SmtpSecurity.ImplicitTls : SmtpSecurity.StartTls);

    /// <summary>Right-hand side of generated Message-IDs.</summary>
    public string MessageIdDomain =>
        FromAddress.Contains('@') ? FromAddress[(FromAddress.IndexOf('@') + 1)..] : "missionplanner.local";
}
