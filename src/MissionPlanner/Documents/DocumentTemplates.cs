using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using HandlebarsDotNet;
using MissionPlanner.Messaging;

namespace MissionPlanner.Documents;

/// <summary>
/// The HTML templates of printed documents (templates/documents/*.hbs), rendered strictly: a
/// placeholder the model lacks, or a syntax error, is an error naming the template and what went
/// wrong, never a blank PDF. Models are camelCase, as in the email templates.
/// </summary>
public static class DocumentTemplates
{
    private static readonly IHandlebars Engine = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
    private static readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> Compiled = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Render(string name, object model, string? source = null)
    {
        var text = source ?? Builtin(name);
        try
        {
            var template = Compiled.GetOrAdd(text, t => Engine.Compile(t));
            return template(EmailTemplates.ToHandlebarsModel(JsonNode.Parse(JsonSerializer.Serialize(model, model.GetType(), Json))));
        }
        catch (Exception ex) when (ex.GetType().Namespace?.StartsWith("HandlebarsDotNet", StringComparison.Ordinal) == true)
        {
            throw new TemplateException($"Document template templates/documents/{name}.hbs: {ex.Message}");
        }
    }

    public static string Builtin(string name)
    {
        var resource = $"templates/documents/{name}.hbs";
        using var stream = typeof(DocumentTemplates).Assembly.GetManifestResourceStream(resource)
                           ?? throw new TemplateException($"There is no document template {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
