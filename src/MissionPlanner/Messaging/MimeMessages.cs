using System.Text;
using MimeKit;
using MimeKit.IO;
using MimeKit.Text;
using MissionPlanner.Domain.Messaging;

namespace MissionPlanner.Messaging;

/// <summary>
/// Builds the MIME message of an outbox row: multipart/alternative with the plain text first and
/// the HTML preferred (RFC 2046 §5.1.4), inside multipart/mixed when there is an attachment such as
/// <c>programme.ics</c> (<c>text/calendar; method=PUBLISH</c>, RFC 5545/6047). Display names go out as
/// typed: MimeKit quotes or encodes them (RFC 5322 §3.4, RFC 2047) so that a comma, a quote or a
/// backslash stays part of the one name.
/// </summary>
public static class MimeMessages
{
    /// <param name="holdEndUntil">
    /// When given, writing the body (the last thing before SMTP's end-of-data marker) completes
    /// only once this task has: the server cannot accept the message before then. The dispatcher
    /// passes the write of the previous message's outcome, so that write runs while this message
    /// is handed over, yet never more than one accepted message is unrecorded.
    /// </param>
    public static MimeMessage Build(OutboxMessage message, EmailOptions options, Task? holdEndUntil = null)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(OutboxMessage.SingleLine(options.FromName), options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId.Trim('<', '>');
        mime.Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc));

        var text = Text(TextFormat.Plain, message.TextBody);
        var html = Text(TextFormat.Html, message.HtmlBody);
        if (message.AttachmentContent is not { } content)
        {
            mime.Body = holdEndUntil is null ? new MultipartAlternative { text, html } : new HeldMultipart("alternative", holdEndUntil) { text, html };
            return mime;
        }

        var type = ContentType.Parse(message.AttachmentType ?? "application/octet-stream");
        if (!message.AttachmentIsBinary)
        {
            type.Charset = "utf-8";
        }

        var attachment = new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(message.AttachmentIsBinary ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = message.AttachmentName,
        };
        var alternative = new MultipartAlternative { text, html };
        mime.Body = holdEndUntil is null ? new Multipart("mixed") { alternative, attachment } : new HeldMultipart("mixed", holdEndUntil) { alternative, attachment };
        return mime;
    }

    /// <summary>
    /// UTF-8, quoted-printable (RFC 2045 §6.7): readable where it is ASCII, 7-bit safe for any
    /// server, lines wrapped within limits; set here so it need not be worked out per message.
    /// </summary>
    private static TextPart Text(TextFormat format, string text)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    /// <summary>
    /// A multipart body whose writing ends when <c>hold</c> has. MailKit first writes the message
    /// into a <see cref="MeasuringStream"/> to declare its SIZE (RFC 1870); that pass is not held.
    /// A failed hold fails the write, so the message is abandoned before its end-of-data marker.
    /// </summary>
    private sealed class HeldMultipart(string subtype, Task hold) : Multipart(subtype)
    {
        public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
            if (stream is not MeasuringStream)
            {
                await hold.WaitAsync(cancellationToken);
            }
        }

        public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            base.WriteTo(options, stream, contentOnly, cancellationToken);
            if (stream is not MeasuringStream)
            {
                hold.Wait(cancellationToken);
            }
        }
    }
}
