using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;

namespace MissionPlanner.Messaging;

public enum SendOutcome
{
    Sent,
    RetryLater,
    Failed,
}

public sealed record SendResult(SendOutcome Outcome, string? Error = null)
{
    public static readonly SendResult Ok = new(SendOutcome.Sent);
}

/// <summary>
/// One SMTP session (or the pickup folder) reused for a batch of messages. System.Net.Mail keeps
/// the connection open between sends on the same client and says QUIT when disposed.
/// </summary>
public sealed class EmailTransport : IDisposable
{
    private readonly EmailOptions options;
    private readonly SmtpClient client;

    public EmailTransport(IOptions<EmailOptions> options, DataDirectory data)
    {
        this.options = options.Value;
        client = new SmtpClient { Timeout = (int)this.options.SmtpTimeout.TotalMilliseconds };
        if (this.options.UsesPickupFolder)
        {
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = data.EnsureFolder("mail");
        }
        else
        {
            client.Host = this.options.SmtpHost!;
            client.Port = this.options.SmtpPort;
            client.EnableSsl = this.options.StartTls;
            if (!string.IsNullOrEmpty(this.options.UserName))
            {
                client.Credentials = new NetworkCredential(this.options.UserName, this.options.Password);
            }
        }
    }

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        MailMessage mail;
        try
        {
            mail = Build(message);
        }
        catch (FormatException ex)
        {
            return new SendResult(SendOutcome.Failed, $"Invalid address '{message.ToAddress}': {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            // A message that cannot be built will never send; the others in the batch still go.
            return new SendResult(SendOutcome.Failed, $"The message cannot be built: {ex.Message}");
        }

        using (mail)
        {
            try
            {
                await client.SendMailAsync(mail, ct);
                return SendResult.Ok;
            }
            catch (SmtpFailedRecipientException ex)
            {
                return Classify(ex.StatusCode, ex.Message);
            }
            catch (SmtpException ex)
            {
                return Classify(ex.StatusCode, Describe(ex));
            }
            catch (IOException ex)
            {
                return new SendResult(SendOutcome.RetryLater, ex.Message);
            }
        }
    }

    public void Dispose() => client.Dispose();

    /// <summary>5xx is permanent (the server said no); 4xx and connection trouble are worth retrying.</summary>
    private static SendResult Classify(SmtpStatusCode code, string error) => (int)code switch
    {
        >= 500 and < 600 => new SendResult(SendOutcome.Failed, $"SMTP {(int)code}: {error}"),
        >= 400 and < 500 => new SendResult(SendOutcome.RetryLater, $"SMTP {(int)code}: {error}"),
        _ => new SendResult(SendOutcome.RetryLater, error),
    };

    private static string Describe(SmtpException ex) =>
        ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})";

    private MailMessage Build(OutboxMessage message)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.FromAddress, OutboxMessage.SingleLine(options.FromName), Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.ToAddress, message.ToName, Encoding.UTF8));
        mail.Headers["Message-ID"] = message.MessageId;
        // Both parts as alternative views: plain text first, HTML preferred by clients that can show it.
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        if (message.AttachmentContent is { } content)
        {
            var type = new ContentType(message.AttachmentType ?? MediaTypeNames.Application.Octet) { Name = message.AttachmentName, CharSet = "utf-8" };
            var attachment = new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(content)), type);
            attachment.ContentDisposition!.FileName = message.AttachmentName;
            mail.Attachments.Add(attachment);
        }

        return mail;
    }
}
