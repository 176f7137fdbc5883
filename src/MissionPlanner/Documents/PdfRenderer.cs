using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace MissionPlanner.Documents;

/// <summary>A missing or broken browser: the message names the setting and the install command.</summary>
public sealed class BrowserUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints HTML to PDF with headless Chromium through Playwright. One browser stays warm for the
/// life of the process and each document gets its own page, at most <see cref="DocumentOptions.MaxOpenPages"/>
/// at once (the rest wait); a browser that crashed or was killed is started again on the next document.
/// </summary>
public sealed class PdfRenderer(IOptions<DocumentOptions> options, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly SemaphoreSlim open = new(options.Value.MaxOpenPages, options.Value.MaxOpenPages);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private IBrowserContext? context;

    public string ExecutablePath =>
        options.Value.ChromiumPath is { Length: > 0 } configured
            ? File.Exists(configured) ? configured
            : throw new BrowserUnavailableException(
                $"Documents:ChromiumPath is '{configured}', which does not exist. Install Chromium (sudo apt-get install chromium) or correct the setting.")
            : Candidates.FirstOrDefault(File.Exists)
              ?? throw new BrowserUnavailableException(
                  "No Chromium found for printing PDFs. Install it (sudo apt-get install chromium, or scripts/ensure-packages.sh run) or set Documents:ChromiumPath.");

    /// <summary>Prints one HTML document (A4 by default) with an optional running header and page numbers in the footer.</summary>
    public async Task<byte[]> RenderAsync(string html, PdfLayout? layout = null, CancellationToken ct = default)
    {
        layout ??= new PdfLayout();
        for (var attempt = 1; ; attempt++)
        {
            var (current, shared) = await BrowserAsync(ct);
            try
            {
                // A browser killed mid-print can leave the call waiting for an answer that never comes:
                // the timeout covers the whole print, not only Chromium's own steps.
                await open.WaitAsync(ct);
                try
                {
                    return await PrintAsync(shared, html, layout, options.Value.RenderTimeout).WaitAsync(options.Value.RenderTimeout, ct);
                }
                finally
                {
                    open.Release();
                }
            }
            catch (Exception ex) when (attempt == 1 && ex is PlaywrightException or TimeoutException)
            {
                logger.LogWarning(ex, "Chromium failed or stopped answering while printing; starting it again");
                await ForgetAsync(current);
            }
        }
    }

    /// <summary>
    /// Prints many documents made from one template as one Chromium job and splits the result (<see cref="PdfBatch"/>):
    /// each document's PDF has exactly its own pages, with its own header and "Page i of n". The whole print has
    /// <see cref="DocumentOptions.RenderTimeout"/> (a batch of 25 itineraries takes under a second).
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> RenderManyAsync(IReadOnlyList<PdfPart> parts, PdfLayout layout, CancellationToken ct = default)
    {
        if (parts.Count == 0)
        {
            return [];
        }

        var joined = PdfBatch.Join(parts.Select(p => p.Html).ToList());
        var pdf = await RenderAsync(joined, layout with { Header = null, PageNumbers = false }, ct);
        return PdfBatch.Split(pdf, parts.Select(p => p.Header).ToList(), layout);
    }

    private static async Task<byte[]> PrintAsync(IBrowserContext shared, string html, PdfLayout layout, TimeSpan timeout)
    {
        // One context for all documents (no scripts, no network); a fresh page for each.
        var page = await shared.NewPageAsync();
        await using var close = new PageCloser(page);
        page.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = layout.Format,
            Landscape = layout.Landscape,
            PrintBackground = true,
            DisplayHeaderFooter = layout.Header is not null || layout.PageNumbers,
            HeaderTemplate = layout.Header is null ? "<span></span>" : $"<div style=\"font-size:8px;width:100%;padding:0 12mm;color:#555\">{System.Net.WebUtility.HtmlEncode(layout.Header)}</div>",
            FooterTemplate = layout.PageNumbers
                ? "<div style=\"font-size:8px;width:100%;text-align:center;color:#555\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>"
                : "<span></span>",
            Margin = new Margin { Top = layout.Margin, Bottom = layout.Margin, Left = "12mm", Right = "12mm" },
        });
    }

    /// <summary>Drops a browser that failed, so the next document starts a new one; the old one is closed in the background.</summary>
    private async Task ForgetAsync(IBrowser failed)
    {
        await starting.WaitAsync();
        try
        {
            if (ReferenceEquals(browser, failed))
            {
                browser = null;
                context = null;
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await failed.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                    }
                    catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                    {
                        logger.LogWarning("The failed Chromium did not close cleanly: {Reason}", ex.Message);
                    }
                });
            }
        }
        finally
        {
            starting.Release();
        }
    }

    private async Task<(IBrowser Browser, IBrowserContext Context)> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } warm && context is { } ready)
        {
            return (warm, ready);
        }

        await starting.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true } started && context is { } existing)
            {
                return (started, existing);
            }

            var path = ExecutablePath;
            try
            {
                playwright ??= await Playwright.CreateAsync();
                if (browser is not null)
                {
                    await browser.DisposeAsync();
                }

                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        // Memory (ADR 0023): no GPU process of its own, Chromium's smaller caches.
                        "--in-process-gpu", "--enable-low-end-device-mode"],
                });
                context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
                logger.LogInformation("Chromium {Version} started for documents", browser.Version);
                return (browser, context);
            }
            catch (PlaywrightException ex)
            {
                throw new BrowserUnavailableException($"Chromium at {path} would not start ({ex.Message.Split('\n')[0]}). Check Documents:ChromiumPath.", ex);
            }
        }
        finally
        {
            starting.Release();
        }
    }

    /// <summary>For tests of the restart: the browser's process, as if it had crashed.</summary>
    internal async Task KillBrowserAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        starting.Dispose();
        open.Dispose();
    }
}

internal sealed class PageCloser(IPage page) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser went away with the page; it is started again for the next document.
        }
    }
}

public sealed record PdfLayout(string Format = "A4", bool Landscape = false, string? Header = null, bool PageNumbers = true, string Margin = "16mm");
