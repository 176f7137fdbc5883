using Microsoft.Playwright;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Browser;

/// <summary>The UI shell in real Chromium at a phone's size: sign in, find the demo, add to its programme.</summary>
public sealed class OrganiserShellTests
{
    [Fact]
    public async Task OnAPhone_AnOrganiserSignsIn_OpensTheDemoProgramme_AndAddsAnItem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        var env = new Dictionary<string, string>
        {
            ["MISSIONPLANNER_DATA"] = database.Directory,
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = database.ConnectionString,
        };
        await using var app = await AppProcess.StartServerAsync(env);
        env["Auth__PublicBaseUrl"] = app.Address.ToString();
        var (_, stdout, _) = await AppProcess.RunVerbAsync(env, "organiser", "add", "ann@example.org");
        var link = stdout.Split('\n').Single(l => l.Contains("/signin/link?token=")).Split(": ", 2)[1].Trim();

        var (playwright, browser) = await Infrastructure.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: {message.Text[..60]}");
            }
        };

        await page.GotoAsync(link);
        await Shot(page, "01-sign-in-link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your missions" }).WaitForAsync();
        await Shot(page, "02-missions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Innovation Mission to the UK: Neuromorphic Computing" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Programme" }).ClickAsync();
        await page.GetByText("Signing ceremony: OPT/NET BV establishes its UK entity").WaitForAsync();
        await Shot(page, "03-programme");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth"))
            .Should().BeLessThanOrEqualTo(0, "nothing is wider than the phone's screen");

        // The primary action is reachable by keyboard alone.
        var reached = false;
        for (var i = 0; i < 25 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<string>("document.activeElement.textContent.trim()") == "Add item";
        }

        reached.Should().BeTrue("'Add item' can be reached with Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Add programme item" }).WaitForAsync();
        (await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !(e.labels && e.labels.length)).map(e => e.name)"))
            .Should().BeEmpty("every field has a label");

        await page.GetByLabel("Title").FillAsync("Evening walk along the Cam");
        await page.GetByLabel("Kind").SelectOptionAsync("FreeTime");
        var day2 = await page.EvaluateAsync<string>("document.querySelector('#Input_StartsAt').value.slice(0, 10)");
        await page.GetByLabel("Starts").FillAsync($"{day2}T21:00");
        await page.GetByLabel("Ends").FillAsync($"{day2}T20:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        (await page.Locator("[data-valmsg-for='Input.EndsAt']").TextContentAsync()).Should().Be("The end must be after the start.");
        await Shot(page, "04-validation");

        await page.GetByLabel("Ends").FillAsync($"{day2}T21:45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await page.GetByText("Evening walk along the Cam").WaitForAsync();
        await Shot(page, "05-programme-updated");

        errors.Should().BeEmpty("pages log no console errors");
    }

    private static Task Shot(IPage page, string name) => Infrastructure.Browser.ShotAsync(page, "organiser-shell", name);
}
