using System.Text.Json;
using Microsoft.Extensions.Options;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;

namespace MissionPlanner.Messaging;

/// <summary>
/// Adds an email to the outbox of the caller's DbContext. Nothing is saved here: the message
/// commits with the caller's change or not at all.
/// </summary>
public sealed class OutboxWriter(AppDbContext db, TimeProvider clock, IOptions<EmailOptions> options)
{
    // A round of invitations renders one template hundreds of times: look its source up once.
    private readonly Dictionary<(string, Guid?), EmailTemplateSource> sources = [];

    /// <summary>Looks the template up now, e.g. before a transaction that should hold its locks briefly.</summary>
    public async Task<EmailTemplateSource> PrepareAsync(string template, Guid? missionId, CancellationToken ct)
    {
        if (!sources.TryGetValue((template, missionId), out var source))
        {
            source = sources[(template, missionId)] = await EmailTemplates.SourceAsync(db, template, missionId, ct);
        }

        return source;
    }

    public async Task<OutboxMessage> EnqueueAsync(string template, string toAddress, string toName, object model,
        Guid? missionId, string? batch, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(model, model.GetType(), EmailTemplates.ModelJson);
        var source = await PrepareAsync(template, missionId, ct);

        var rendered = EmailTemplates.Render(template, source, json);
        var message = new OutboxMessage(missionId, template, toAddress.Trim(), toName, rendered.Subject, rendered.Html,
            rendered.Text, json, batch, clock.GetUtcNow().UtcDateTime, options.Value.MessageIdDomain);
        db.OutboxMessages.Add(message);
        return message;
    }
}
