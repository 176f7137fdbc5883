using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using HandlebarsDotNet;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;

namespace MissionPlanner.Messaging;

public sealed record RenderedEmail(string Subject, string Html, string Text);

public sealed record EmailTemplateSource(string Subject, string Html, string Text);

public sealed class TemplateException(string message) : Exception(message);

/// <summary>
/// Email templates: templates/email/&lt;name&gt;.{subject,html,txt}.hbs, shipped inside the assembly,
/// each overridable per mission. Rendering is strict: a placeholder the model does not have is an
/// error naming the template and part, never a blank in someone's inbox.
/// </summary>
public sealed class EmailTemplates
{
    public static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web);

    private static readonly IHandlebars Html = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
    private static readonly IHandlebars Plain = Handlebars.Create(new HandlebarsConfiguration
    {
        ThrowOnUnresolvedBindingExpression = true,
        TextEncoder = null,
    });

    private static readonly Lazy<IReadOnlyDictionary<string, EmailTemplateSource>> Defaults = new(LoadDefaults);
    private static readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> Compiled = new();

    public static IReadOnlyDictionary<string, EmailTemplateSource> Builtin => Defaults.Value;

    // Compiled: every email written looks here first (a batch of registrations, a round of invitations).
    private static readonly PerModel<Func<AppDbContext, Guid, string, CancellationToken, Task<EmailTemplateSource?>>> Override = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid missionId, string template, CancellationToken ct) =>
            db.EmailTemplateOverrides.AsNoTracking()
                .Where(o => o.MissionId == missionId && o.Template == template)
                .Select(o => new EmailTemplateSource(o.Subject, o.Html, o.Text))
                .FirstOrDefault()));

    public static async Task<EmailTemplateSource> SourceAsync(AppDbContext db, string template, Guid? missionId, CancellationToken ct)
    {
        if (missionId is { } id)
        {
            var custom = await Override.For(db)(db, id, template, ct);
            if (custom is not null)
            {
                return custom;
            }
        }

        return Builtin.TryGetValue(template, out var source)
            ? source
            : throw new TemplateException($"There is no email template named '{template}'.");
    }

    public static RenderedEmail Render(string template, EmailTemplateSource source, string modelJson)
    {
        var model = ToHandlebarsModel(JsonNode.Parse(modelJson));
        return new RenderedEmail(
            Part(template, "subject", source.Subject, model, Plain).Trim(),
            Part(template, "html", source.Html, model, Html),
            Part(template, "txt", source.Text, model, Plain));
    }

    private static string Part(string template, string part, string text, object? model, IHandlebars engine)
    {
        try
        {
            var compiled = Compiled.GetOrAdd($"{(engine == Html ? "h" : "p")}:{text}", t => engine.Compile(t[2..]));
            return compiled(model);
        }
        catch (Exception ex) when (ex.GetType().Namespace?.StartsWith("HandlebarsDotNet", StringComparison.Ordinal) == true)
        {
            throw new TemplateException($"Email template '{template}.{part}': {ex.Message}");
        }
    }

    /// <summary>Handlebars.Net binds to dictionaries and lists; the model arrives as JSON.</summary>
    internal static object? ToHandlebarsModel(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => ToHandlebarsModel(p.Value)),
        JsonArray a => a.Select(ToHandlebarsModel).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v => v.ToString(),
        _ => null,
    };

    private static IReadOnlyDictionary<string, EmailTemplateSource> LoadDefaults()
    {
        var assembly = typeof(EmailTemplates).Assembly;
        const string prefix = "templates/email/";
        var parts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".hbs", StringComparison.Ordinal))
            .ToDictionary(n => n[prefix.Length..^4], n => Read(assembly, n));
        return parts.Keys.Select(k => k[..k.LastIndexOf('.')]).Distinct()
            .ToDictionary(name => name, name => new EmailTemplateSource(
                parts.GetValueOrDefault($"{name}.subject") ?? throw new TemplateException($"Email template '{name}' has no subject part."),
                parts.GetValueOrDefault($"{name}.html") ?? throw new TemplateException($"Email template '{name}' has no html part."),
                parts.GetValueOrDefault($"{name}.txt") ?? throw new TemplateException($"Email template '{name}' has no txt part.")));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
