using Microsoft.Playwright;

namespace MissionPlanner.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot work here). Under
/// CI=true a missing browser fails the test run instead of skipping it.
/// </summary>
public static class Browser
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("MISSIONPLANNER_CHROMIUM") is { Length: > 0 } configured ? configured
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("Chromium is not installed: run scripts/test.sh (it installs the Debian package 'chromium').");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Without these Chromium keeps trying to reach Google's hosts, which this machine's network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// A full-page screenshot in test-artifacts/screenshots/{prefix}-{name}.png. The caret stays as it is: Playwright would
    /// otherwise inject a style to hide it, which the app's CSP rightly blocks.
    /// </summary>
    public static Task ShotAsync(IPage page, string prefix, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Caret = ScreenshotCaret.Initial,
            Path = System.IO.Path.Combine(ScreenshotFolder, $"{prefix}-{name}.png"),
            FullPage = true,
        });

    /// <summary>What every page must give on a phone: a label on every field, unique ids, one main heading, nothing wider than the phone (390 px).</summary>
    public static async Task AccessibleAsync(IPage page)
    {
        (await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !(e.labels && e.labels.length)).map(e => e.name)"))
            .Should().BeEmpty($"every field on {page.Url} has a label");
        (await page.EvaluateAsync<string[]>(
            "Object.entries([...document.querySelectorAll('[id]')].reduce((c, e) => (c[e.id] = (c[e.id] || 0) + 1, c), {})).filter(([, n]) => n > 1).map(([id]) => id)"))
            .Should().BeEmpty($"ids on {page.Url} are unique");
        (await page.Locator("h1").CountAsync()).Should().Be(1);
        // A phone zooms out to fit wider pages, so the width is compared with the phone's, not the window's.
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, $"{page.Url} fits a phone");
    }

    public static string ScreenshotFolder
    {
        get
        {
            var dir = Path.Combine(AppProcess.ContentRoot, "..", "..", "test-artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return Path.GetFullPath(dir);
        }
    }
}
