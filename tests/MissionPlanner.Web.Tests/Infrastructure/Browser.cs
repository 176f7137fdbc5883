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
