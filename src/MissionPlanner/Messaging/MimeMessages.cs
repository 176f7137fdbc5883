using System.Text;
using MimeKit;
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
    public static MimeMessage Build(OutboxMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(OutboxMessage.SingleLine(options.FromName), options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId.Trim('<', '>');
        mime.Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc));

        var alternative = new MultipartAlternative { Text(TextFormat.Plain, message.TextBody), Text(TextFormat.Html, message.HtmlBody) };
        if (message.AttachmentContent is not { } content)
        {
            mime.Body = alternative;
            return mime;
        }

        var type = ContentType.Parse(message.AttachmentType ?? "application/octet-stream");
        type.Charset = "utf-8";
        var attachment = new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = message.AttachmentName,
        };
        mime.Body = new Multipart("mixed") { alternative, attachment };
        return mime;
    }

    private static TextPart Text(TextFormat format, string text)
    {
        var part = new TextPart(format);
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}
