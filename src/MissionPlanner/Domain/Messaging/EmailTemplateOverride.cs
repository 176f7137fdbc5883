namespace MissionPlanner.Domain.Messaging;

/// <summary>A mission's own wording of one email template (all three parts).</summary>
public sealed class EmailTemplateOverride
{
    private EmailTemplateOverride()
    {
    }

    public EmailTemplateOverride(Guid missionId, string template, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Template = template;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Template { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Html { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public void Change(string subject, string html, string text, DateTime now)
    {
        Subject = subject;
        Html = html;
        Text = text;
        UpdatedAt = now;
    }
}
