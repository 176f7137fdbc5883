using Microsoft.Playwright;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Browser;

/// <summary>
/// The demo mission's hotel rooms and letters in real Chromium on a phone, against the app as a process: the organiser
/// sees who needs a room, proposes rooms with the keyboard, reads the room plan, and opens the letters page.
/// </summary>
public sealed class RoomsBrowserTests
{
    [Fact]
    public async Task OnAPhone_TheOrganiserProposesRoomsWithTheKeyboard_AndReadsTheRoomPlan()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        await using var smtp = await SmtpSink.StartAsync();
        var env = MailingApp.Environment(database, smtp);
        await using var app = await AppProcess.StartServerAsync(env);
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
                errors.Add($"{page.Url}: {message.Text}");
            }
        };

        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Innovation Mission to the UK: Neuromorphic Computing" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Rooms", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hotel rooms" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Who needs a room (0 of 38 placed)" }).CountAsync()).Should().Be(1);
        (await page.Locator(".warnings").TextContentAsync()).Should().Contain("Noor Hendriks asked for accommodation and has no room.");
        await Shot(page, "01-needs");
        await AccessibleAsync(page);

        // With the keyboard: tab to the button and press Enter.
        var propose = page.GetByRole(AriaRole.Button, new() { Name = "Propose rooms for everyone without one" });
        await propose.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        (await page.GetByRole(AriaRole.Status).First.TextContentAsync()).Should().StartWith("Rooms proposed");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Who needs a room (38 of 38 placed)" }).CountAsync()).Should().Be(1);
        var plan = page.Locator("table.room-plan").First;
        (await plan.Locator("caption").TextContentAsync()).Should().StartWith("Room plan: rooms by night");
        (await page.Locator("table.room-plan td.used").Filter(new() { HasText = "Anouk Smit, Femke de Boer" }).CountAsync()).Should().BeGreaterThan(0,
            "the two who asked to share are in one twin room");
        (await page.Locator("tr").Filter(new() { HasText = "Noor Hendriks" }).Last.TextContentAsync()).Should().Contain("Accessible single rooms");
        await Shot(page, "02-after-proposal");
        await plan.ScrollIntoViewIfNeededAsync();
        await plan.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Infrastructure.Browser.ScreenshotFolder, "rooms-03-room-plan.png") });
        await AccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Letters", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Visa and support letters" }).WaitForAsync();
        (await page.GetByLabel("Signed by").InputValueAsync()).Should().Be("Marieke de Groot");
        await Shot(page, "04-letters");
        await AccessibleAsync(page);

        errors.Should().BeEmpty("pages log no console errors");
    }

    private static Task AccessibleAsync(IPage page) => Infrastructure.Browser.AccessibleAsync(page);

    private static Task Shot(IPage page, string name) => Infrastructure.Browser.ShotAsync(page, "rooms", name);
}
