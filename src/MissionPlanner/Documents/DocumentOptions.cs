namespace MissionPlanner.Documents;

public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Chromium or Chrome to print PDFs with; empty looks for /usr/bin/chromium and friends.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>How long one print (a document, or a batch of them) may take before it counts as failed.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Personal documents (itineraries) printed as one Chromium job and split again (ADR 0023); 1 prints each alone.</summary>
    public int BatchSize { get; set; } = 25;

    /// <summary>
    /// Batches the document job prints at once, each on a Chromium page of its own. 1 by default: a second one gains 30% on
    /// two cores but costs about 70 MB of Chromium's memory and the core the web app answers on (ADR 0023).
    /// </summary>
    public int ParallelPrints { get; set; } = 1;

    /// <summary>Chromium pages open at once, for every print (the document job's and single PDFs asked for on a page): bounds Chromium's memory.</summary>
    public int MaxOpenPages { get; set; } = 2;
}
