using Microsoft.Playwright;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Browser;

/// <summary>
/// The demo mission's visits in real Chromium on a phone, against the app as a process: the
/// organiser makes the groups, sees a move's conflicts live before making it, publishes and asks
/// the hosts; a host opens the link from the email the SMTP server received and confirms.
/// </summary>
public sealed partial class VisitPagesBrowserTests
{
    [Fact]
    public async Task OnAPhone_TheOrganiserMakesTheGroupsWithLiveWarnings_AndAHostConfirmsFromTheEmail()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
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
        await page.GetByRole(AriaRole.Link, new() { Name = "Visits", Exact = true }).ClickAsync();
        await page.GetByText("Lab tour: cleanroom facilities").First.WaitForAsync();
        await Shot(page, "01-visits");
        await AccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Groups and schedule" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the groups" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).First.TextContentAsync()).Should().StartWith("Scheduled: 80 places for 40 people");
        await Shot(page, "02-groups");
        await AccessibleAsync(page);

        // A move into a full cleanroom group: the warning appears as it is chosen, before anything is saved.
        var row = page.Locator("tr[id^=person-]").First;
        // A full group the person is not in already: the schedule differs from run to run (the solver breaks ties by ids, new each run).
        var current = await row.Locator("select[name=fromGroup] option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        var cleanroom = (await row.Locator("select[name=toGroup] option").EvaluateAllAsync<string[]>(
            "options => options.filter(o => o.textContent.includes('cleanroom') && o.textContent.includes('· 6/6')).map(o => o.value)")).Except(current).ToArray();
        cleanroom.Should().NotBeEmpty("the cleanroom takes six and is everyone's favourite");
        await row.Locator("select[name=toGroup]").SelectOptionAsync(cleanroom[0]);
        var live = row.Locator("[data-warnings]");
        await Expect(live, "has 7 people; the host takes 6");
        await Shot(page, "03-live-warning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish to itineraries" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).First.TextContentAsync()).Should().Contain("Published");
        await page.GetByRole(AriaRole.Link, new() { Name = "Visits and hosts" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Email every host its confirmation link" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).First.TextContentAsync()).Should().Contain("4 hosts");

        // The host, from the email the SMTP server received.
        var emails = await smtp.WaitForAsync(4);
        var paragraf = emails.Single(e => e.To is { } to && to.Contains("paragraf.host@example.org"));
        await page.GotoAsync(EmailLinks.Single(paragraf.Text, LinkKind.Host).ToString());
        await page.GetByRole(AriaRole.Heading, new() { Name = "Paragraf: visits of the delegation" }).WaitForAsync();
        await Shot(page, "04-host");
        await AccessibleAsync(page);
        await page.GetByLabel("Confirm").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer for Visit: Paragraf, graphene semiconductors" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).First.TextContentAsync()).Should().Be("Thank you: the visit is confirmed.");
        var csv = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Visitor list (CSV) for Visit: Paragraf, graphene semiconductors" }).GetAttributeAsync("href") is { } href
            ? new Uri(new Uri(page.Url), href).ToString() : throw new InvalidOperationException("no CSV link"));
        (await csv.TextAsync()).Should().Contain("group starts,group,name,organisation");
        await Shot(page, "05-host-confirmed");

        errors.Should().BeEmpty("pages log no console errors");
    }

    private static async Task Expect(ILocator locator, string text)
    {
        for (var i = 0; i < 50; i++)
        {
            if ((await locator.TextContentAsync() ?? "").Contains(text))
            {
                return;
            }

            await Task.Delay(100);
        }

        (await locator.TextContentAsync()).Should().Contain(text);
    }

    private static Task AccessibleAsync(IPage page) => Infrastructure.Browser.AccessibleAsync(page);

    private static Task Shot(IPage page, string name) => Infrastructure.Browser.ShotAsync(page, "visits", name);

}
