namespace MissionPlanner.Messaging;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP server. Empty: messages are written as .eml files to &lt;data&gt;/mail instead.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS (required by most providers on port 587).</summary>
    public bool StartTls { get; set; } = true;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    public string FromAddress { get; set; } = "missionplanner@localhost";
    public string FromName { get; set; } = "MissionPlanner";

    /// <summary>Messages sent per dispatcher run over one SMTP connection.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A message claimed for sending this long ago by a node that then died is tried again.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>First retry delay; each further attempt doubles it (with jitter), up to MaxRetryDelay.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>Right-hand side of generated Message-IDs.</summary>
    public string MessageIdDomain =>
        FromAddress.Contains('@') ? FromAddress[(FromAddress.IndexOf('@') + 1)..] : "missionplanner.local";
}
