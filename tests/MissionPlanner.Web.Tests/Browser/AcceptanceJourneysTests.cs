using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Browser;

/// <summary>
/// The three journeys in real Chromium against the app started as the README starts it (a process,
/// a free port, a temporary data directory), on a desktop and on a phone: the organiser builds a
/// mission and invites five people, two of them register and rank a visit from the emails the SMTP
/// server received, the organiser makes the groups, publishes and prints the booklet, a participant
/// uses their itinerary and cancels, and the host confirms from its email. Every step is
/// photographed (test-artifacts/screenshots/journey-*), checked for console errors, labels, one
/// heading, the theme's contrast, and (on the phone) width.
/// </summary>
public sealed partial class AcceptanceJourneysTests
{
    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Organiser_Participant_AndHost_DoTheirWholeJourneys(string device, int width, int height)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        var env = MailingApp.Environment(database, smtp);
        await using var app = await AppProcess.StartServerAsync(env);
        var (_, stdout, _) = await AppProcess.RunVerbAsync(env, "organiser", "add", "ann@example.org");
        var signInLink = stdout.Split('\n').Single(l => l.Contains("/signin/link?token=")).Split(": ", 2)[1].Trim();
        var (playwright, browser) = await Infrastructure.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var journey = new Journey(browser, device, width, height);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

        // Organiser: sign in, create the mission, a venue, the programme, a host and its visit.
        var o = await journey.PageAsync();
        await o.GotoAsync(signInLink);
        await o.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.StepAsync(o, "organiser-01-signed-in", "Your missions");
        await o.GotoAsync($"{app.Address}missions/new");
        await o.GetByLabel("Title").FillAsync("NL–UK neuromorphic mission");
        await o.GetByLabel("Host country").FillAsync("United Kingdom");
        await o.GetByLabel("Host city").FillAsync("Cambridge");
        await o.GetByLabel("Time zone").FillAsync("Europe/London");
        await o.GetByLabel("First day").FillAsync(start.ToString("yyyy-MM-dd"));
        await o.GetByLabel("Last day").FillAsync(start.AddDays(3).ToString("yyyy-MM-dd"));
        await o.GetByRole(AriaRole.Button, new() { Name = "Create mission" }).ClickAsync();
        await o.GetByRole(AriaRole.Button, new() { Name = "Mark as open" }).ClickAsync();
        await journey.StepAsync(o, "organiser-02-mission", "NL–UK neuromorphic mission");
        var mission = MissionId().Match(o.Url).Groups[1].Value;
        await o.GotoAsync($"{app.Address}missions/{mission}/venues/new");
        await o.GetByLabel("Name").FillAsync("Cavendish Laboratory");
        await o.GetByLabel("City").FillAsync("Cambridge");
        await o.GetByRole(AriaRole.Button, new() { Name = "Add venue" }).ClickAsync();
        await o.GotoAsync($"{app.Address}missions/{mission}/programme/new");
        await o.GetByLabel("Title").FillAsync("Bilateral symposium");
        await o.GetByLabel("Kind").SelectOptionAsync("SymposiumSession");
        await o.GetByLabel("Starts").FillAsync($"{start:yyyy-MM-dd}T09:00");
        await o.GetByLabel("Ends").FillAsync($"{start:yyyy-MM-dd}T17:00");
        await o.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await journey.StepAsync(o, "organiser-03-programme", "Bilateral symposium");
        await o.GotoAsync($"{app.Address}missions/{mission}/visits");
        await o.GetByText("Add a host").ClickAsync();
        await o.GetByLabel("Organisation").FillAsync("Cavendish Laboratory");
        await o.GetByLabel("Contact person").FillAsync("Dr Jane Smith");
        await o.GetByLabel("Contact email").FillAsync("jane@cam.example");
        await o.GetByRole(AriaRole.Button, new() { Name = "Add host" }).ClickAsync();
        await o.GotoAsync($"{app.Address}missions/{mission}/visits/new");
        await o.GetByLabel("Title").FillAsync("Cleanroom tour");
        await o.GetByLabel("Largest group").FillAsync("3");
        await o.GetByLabel("Window 1 from").FillAsync($"{start.AddDays(1):yyyy-MM-dd}T10:00");
        await o.GetByLabel("until").First.FillAsync($"{start.AddDays(1):yyyy-MM-dd}T12:00");
        await o.GetByRole(AriaRole.Button, new() { Name = "Add visit" }).ClickAsync();
        await journey.StepAsync(o, "organiser-04-visits", "Cleanroom tour");

        // Five invitations from a spreadsheet; the outbox shows them going out.
        await o.GotoAsync($"{app.Address}missions/{mission}/invitations");
        var csv = "email,name\n" + string.Concat(Enumerable.Range(1, 5).Select(i => $"delegate{i}@example.org,Delegate {i}\n"));
        await o.GetByLabel("Spreadsheet file").SetInputFilesAsync(new FilePayload { Name = "delegates.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await o.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await o.GetByRole(AriaRole.Heading, new() { Name = "How the file was read" }).WaitForAsync();
        await journey.StepAsync(o, "organiser-05a-import-check", "Delegate 5");
        await o.GetByRole(AriaRole.Button, new() { Name = "Invite 5 people" }).ClickAsync();
        var invitations = await smtp.WaitForAsync(5);
        await o.GotoAsync($"{app.Address}missions/{mission}/outbox");
        await o.GetByText("delegate5@example.org").WaitForAsync();
        await journey.StepAsync(o, "organiser-05-outbox", "Outbox");

        // Two participants register from their emails and rank the visit.
        var links = new List<string>();
        foreach (var n in new[] { 1, 2 })
        {
            var p = await journey.PageAsync();
            await p.GotoAsync(EmailLinks.Single(invitations.Single(m => m.RcptTos.Contains($"delegate{n}@example.org")).Text, LinkKind.Invitation).ToString());
            await p.GetByLabel("Full name").FillAsync($"Delegate {n}");
            await p.GetByLabel("Organisation", new() { Exact = true }).FillAsync("TU Delft");
            await p.GetByLabel("I agree that the organisers process my data for this mission (required)").CheckAsync();
            await p.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await journey.StepAsync(p, $"participant{n}-01-registered", "Your place is confirmed");
            var confirmation = (await smtp.WaitForAsync(5 + n)).Single(m => m.RcptTos.Contains($"delegate{n}@example.org") && m.Subject!.StartsWith("You are registered", StringComparison.Ordinal));
            var mine = EmailLinks.Single(confirmation.Text, LinkKind.Registration).ToString();
            links.Add(mine);
            await p.GotoAsync(mine);
            await p.GetByRole(AriaRole.Link, new() { Name = "Lab tours and company visits" }).ClickAsync();
            await p.GetByLabel("Your rank for Cleanroom tour").SelectOptionAsync("1");
            await p.GetByRole(AriaRole.Button, new() { Name = "Save my choices" }).ClickAsync();
            await journey.StepAsync(p, $"participant{n}-02-ranked", "Saved: 1 visit(s) ranked.");
            await p.CloseAsync();
        }

        // Organiser: groups, publication, the booklet.
        await o.GotoAsync($"{app.Address}missions/{mission}/visits/plan");
        await o.GetByRole(AriaRole.Button, new() { Name = "Make the groups" }).ClickAsync();
        await journey.StepAsync(o, "organiser-06-groups", "Scheduled: 2 places for 2 people");
        await o.GetByRole(AriaRole.Button, new() { Name = "Publish to itineraries" }).ClickAsync();
        await journey.StepAsync(o, "organiser-07-published", "Published");
        await o.GotoAsync($"{app.Address}missions/{mission}/documents");
        await o.GetByRole(AriaRole.Button, new() { Name = "Generate: Programme booklet" }).ClickAsync();
        var bookletLink = o.GetByRole(AriaRole.Link, new() { Name = "Download programme.pdf" });
        await bookletLink.First.WaitForAsync(new() { Timeout = 60_000 });
        await journey.StepAsync(o, "organiser-08-documents", "Download");
        var booklet = await o.RunAndWaitForDownloadAsync(() => bookletLink.First.ClickAsync());
        (await File.ReadAllBytesAsync((await booklet.PathAsync())!)).Take(5).Should().Equal("%PDF-"u8.ToArray());

        // Participant 1: itinerary with the visit, the calendar subscription, the PDF; then cancels.
        var p1 = await journey.PageAsync();
        await p1.GotoAsync(links[0] + "/itinerary");
        await journey.StepAsync(p1, "participant1-03-itinerary", "Cleanroom tour");
        var feed = await p1.GetByRole(AriaRole.Link, new() { Name = "Calendar file (.ics)" }).GetAttributeAsync("href");
        var calendar = await p1.Context.APIRequest.GetAsync(feed!);
        (await calendar.TextAsync()).Should().Contain("BEGIN:VCALENDAR").And.Contain("SUMMARY:Cleanroom tour");
        var pdf = await p1.RunAndWaitForDownloadAsync(() => p1.GetByRole(AriaRole.Link, new() { Name = "Download as PDF" }).ClickAsync());
        (await File.ReadAllBytesAsync((await pdf.PathAsync())!)).Take(5).Should().Equal("%PDF-"u8.ToArray());
        await p1.GotoAsync(links[0]);
        await p1.GetByRole(AriaRole.Button, new() { Name = "Cancel my registration" }).ClickAsync();
        await journey.StepAsync(p1, "participant1-04-cancelled", "Cancelled");

        // Host: the email's link, a confirmation, the visitor list.
        await o.GotoAsync($"{app.Address}missions/{mission}/visits");
        await o.GetByRole(AriaRole.Button, new() { Name = "Email every host its confirmation link" }).ClickAsync();
        var hostEmail = await HostEmailAsync(smtp);
        var h = await journey.PageAsync();
        await h.GotoAsync(EmailLinks.Single(hostEmail.Text, LinkKind.Host).ToString());
        await journey.StepAsync(h, "host-01-visits", "Cleanroom tour");
        await h.GetByLabel("Confirm").CheckAsync();
        await h.GetByRole(AriaRole.Button, new() { Name = "Send my answer for Cleanroom tour" }).ClickAsync();
        await journey.StepAsync(h, "host-02-confirmed", "Thank you: the visit is confirmed.");
        var list = await h.RunAndWaitForDownloadAsync(() => h.GetByRole(AriaRole.Link, new() { Name = "Visitor list (CSV) for Cleanroom tour" }).ClickAsync());
        (await File.ReadAllTextAsync((await list.PathAsync())!)).Should().Contain("Delegate 2").And.NotContain("Delegate 1,", "Delegate 1 cancelled");

        journey.Errors.Should().BeEmpty("pages log no console errors");
    }

    private static async Task<ReceivedEmail> HostEmailAsync(SmtpSink smtp)
    {
        for (var i = 0; i < 300; i++)
        {
            if (smtp.Messages.LastOrDefault(m => m.RcptTos.Contains("jane@cam.example")) is { } email)
            {
                return email;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host's email did not arrive.");
    }

    private sealed class Journey(IBrowser browser, string device, int width, int height)
    {
        public List<string> Errors { get; } = [];

        public async Task<IPage> PageAsync()
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                IsMobile = width < 600,
                AcceptDownloads = true,
            });
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    Errors.Add($"{page.Url}: {message.Text}");
                }
            };
            return page;
        }

        /// <summary>Waits for the text that shows the step worked, photographs it, and checks the page.</summary>
        public async Task StepAsync(IPage page, string name, string shows)
        {
            await page.GetByText(shows).First.WaitForAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Caret = ScreenshotCaret.Initial,
                Path = Path.Combine(Infrastructure.Browser.ScreenshotFolder, $"journey-{device}-{name}.png"),
                FullPage = true,
            });
            (await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !(e.labels && e.labels.length)).map(e => e.name || e.id)"))
                .Should().BeEmpty($"every field on {name} has a label");
            (await page.Locator("h1").CountAsync()).Should().Be(1, $"{name} has one main heading");
            // Every action on the page can be reached with the keyboard: nothing focusable is taken out of the tab order.
            (await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('main a[href], main button:not([disabled]), main input:not([type=hidden]), main select, main textarea, main summary')].filter(e => e.tabIndex < 0).map(e => e.outerHTML.slice(0, 80))"))
                .Should().BeEmpty($"every action on {name} is reachable with Tab");
            await page.Keyboard.PressAsync("Tab");
            (await page.EvaluateAsync<string>("document.activeElement && document.activeElement.tagName")).Should().NotBe("BODY", $"Tab moves into {name}");
            // WCAG contrast of text, links and buttons against what is behind them (AA: 4.5).
            var contrasts = await page.EvaluateAsync<double[]>(Contrast);
            contrasts.Should().OnlyContain(c => c >= 4.5, $"the theme's text, links and buttons on {name} are readable");
            if (width < 600)
            {
                (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(width, $"{name} fits the phone");
            }
        }
    }

    private const string Contrast = """
        () => {
          const rgb = s => (s.match(/[\d.]+/g) || [0, 0, 0]).slice(0, 3).map(Number);
          const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const background = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (c && !c.endsWith(', 0)') && c !== 'transparent') return rgb(c); } return [255, 255, 255]; };
          const ratio = e => { const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e)); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
          return [document.querySelector('main p, main dd, main li, main td'), document.querySelector('main a'), document.querySelector('main button')]
            .filter(e => e).map(ratio);
        }
        """;

    [GeneratedRegex(@"/missions/([0-9a-f\-]{36})")]
    private static partial Regex MissionId();


}
