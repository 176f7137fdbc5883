namespace MissionPlanner.Domain.Messaging;

public enum OutboxStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
    Cancelled,
}

/// <summary>
/// One email, written in the same transaction as the change that causes it and rendered then, so
/// that what leaves is what was true when it was decided. The dispatcher moves it through
/// Queued → Sending → Sent, or back to Queued with a later attempt, or to Failed with the reason.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;

    private OutboxMessage()
    {
    }

    public OutboxMessage(Guid? missionId, string template, string toAddress, string toName, string subject,
        string htmlBody, string textBody, string modelJson, string? batch, DateTime now, string messageDomain)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Template = template;
        ToAddress = toAddress;
        ToName = SingleLine(toName);
        Subject = SingleLine(subject);
        HtmlBody = htmlBody;
        TextBody = textBody;
        ModelJson = modelJson;
        Batch = batch;
        MessageId = $"<{Id:N}@{messageDomain}>";
        Status = OutboxStatus.Queued;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public Guid? MissionId { get; private set; }
    public string Template { get; private set; } = "";
    public string ToAddress { get; private set; } = "";
    public string ToName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string ModelJson { get; private set; } = "";

    /// <summary>Groups messages sent together (an invitation round) so their progress can be shown.</summary>
    public string? Batch { get; private set; }

    /// <summary>Stable across retries: the receiving side can recognise a repeat.</summary>
    public string MessageId { get; private set; } = "";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? ClaimedAt { get; private set; }

    /// <summary>Set by the dispatcher run that claimed the message, so each run sends only its own.</summary>
    public Guid? ClaimToken { get; private set; }

    /// <summary>The claim this copy was loaded under (not stored): its outcome is written only while that claim still holds.</summary>
    public Guid? ClaimedBy { get; set; }
    public string? LastError { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>One attachment, e.g. the person's calendar (name, MIME type and UTF-8 text), or none.</summary>
    public string? AttachmentName { get; private set; }
    public string? AttachmentType { get; private set; }
    public string? AttachmentContent { get; private set; }

    /// <summary>The attachment is binary (a PDF), kept in <see cref="AttachmentContent"/> as base64 (RFC 4648 §4).</summary>
    public bool AttachmentIsBinary { get; private set; }

    /// <summary>Attaches a binary file, e.g. a letter as <c>application/pdf</c>.</summary>
    public void Attach(string name, string contentType, byte[] content)
    {
        Attach(name, contentType, Convert.ToBase64String(content));
        AttachmentIsBinary = true;
    }

    public void Attach(string name, string contentType, string content)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(c => char.IsControl(c) || c is '/' or '\\' or ':' or '"' or '*' or '?' or '<' or '>' or '|')
            || name.Trim('.').Length == 0)
        {
            throw new Common.DomainException("AttachmentName",
                $"'{SingleLine(name)}' cannot be the file name of an attachment: give a plain name such as programme.ics, without folders.");
        }

        AttachmentName = name;
        AttachmentType = contentType;
        AttachmentContent = content;
    }

    /// <summary>Drops the attachment (a letter with ID details, when they are purged); the message stays as sent.</summary>
    public void DropAttachment()
    {
        AttachmentContent = null;
        AttachmentName = null;
        AttachmentType = null;
        AttachmentIsBinary = false;
    }

    public bool CanResend => Status is OutboxStatus.Failed or OutboxStatus.Cancelled;

    public void Sent(DateTime now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        ClaimedAt = null;
        ClaimToken = null;
        LastError = null;
    }

    /// <summary>A temporary failure: try again later, unless it has been tried often enough.</summary>
    public void RetryLater(string error, DateTime now, TimeSpan delay)
    {
        LastError = Truncate(error);
        ClaimedAt = null;
        ClaimToken = null;
        if (Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
            LastError = Truncate($"Gave up after {Attempts} attempts. Last error: {error}");
            return;
        }

        Status = OutboxStatus.Queued;
        NextAttemptAt = now + delay;
    }

    /// <summary>
    /// Handed back without being tried: the server asked every sender to wait (or this message was
    /// claimed with others when it did), so the attempt does not count against the message.
    /// </summary>
    public void Postpone(DateTime until, string? reason)
    {
        Status = OutboxStatus.Queued;
        Attempts = Math.Max(0, Attempts - 1);
        NextAttemptAt = until;
        ClaimedAt = null;
        ClaimToken = null;
        if (reason is not null)
        {
            LastError = Truncate(reason);
        }
    }

    public void Fail(string error)
    {
        Status = OutboxStatus.Failed;
        LastError = Truncate(error);
        ClaimedAt = null;
        ClaimToken = null;
    }

    public void Cancel() => Status = Status == OutboxStatus.Queued ? OutboxStatus.Cancelled : Status;

    public void Resend(DateTime now)
    {
        if (!CanResend)
        {
            return;
        }

        Status = OutboxStatus.Queued;
        Attempts = 0;
        NextAttemptAt = now;
        LastError = null;
    }

    /// <summary>Keeps that a message went out (for counts), not to whom or what it said.</summary>
    public void Erase(string placeholderEmail)
    {
        ToAddress = placeholderEmail;
        ToName = "Erased participant";
        Subject = "(erased)";
        HtmlBody = "";
        TextBody = "";
        ModelJson = "{}";
        AttachmentContent = null;
        AttachmentName = null;
        AttachmentType = null;
        AttachmentIsBinary = false;
        LastError = null;
        if (Status == OutboxStatus.Queued)
        {
            Status = OutboxStatus.Cancelled;
        }
    }

    internal static string SingleLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
