namespace MissionPlanner.Documents;

public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Chromium or Chrome to print PDFs with; empty looks for /usr/bin/chromium and friends.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>How long one document may take to print before it counts as failed.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
