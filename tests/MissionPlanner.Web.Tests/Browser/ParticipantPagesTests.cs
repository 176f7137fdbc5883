using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Browser;

/// <summary>
/// A participant on a phone, in real Chromium against the app as a process, with the emails the
/// SMTP server actually received: register through the invitation (with the organisers' question
/// and ID details for a screened visit), open the personal link, change an answer, cancel.
/// </summary>
public sealed partial class ParticipantPagesTests
{
    [Fact]
    public async Task OnAPhone_AnInviteeRegisters_SeesAndChangesTheirRegistration_AndCancels()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        var env = MailingApp.Environment(database, smtp);
        await using var app = await AppProcess.StartServerAsync(env);
        var (_, stdout, _) = await AppProcess.RunVerbAsync(env, "organiser", "add", "org@example.org");
        using var api = new HttpClient { BaseAddress = app.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stdout.TrimEnd().Split('\n')[^1]["token: ".Length..]);
        var mission = await ArrangeMissionAsync(api);

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

        var invitation = (await smtp.WaitForAsync(1)).Single();
        await page.GotoAsync(EmailLinks.Single(invitation.Text, LinkKind.Invitation).ToString());
        await page.GetByRole(AriaRole.Heading, new() { Name = "Register" }).WaitForAsync();
        await Shot(page, "01-invitation");
        (await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !(e.labels && e.labels.length)).map(e => e.name)"))
            .Should().BeEmpty("every field has a label");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);

        // Browsers check "required" themselves; the server's answer to a bad form is what matters here.
        await page.EvaluateAsync("document.querySelector('form.form').noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.Locator(".field-validation-error").First.WaitForAsync();
        await Shot(page, "02-errors");
        var messages = await page.Locator(".field-validation-error").AllTextContentsAsync();
        messages.Should().Contain(m => m.Contains("Which lab interests you most?: Please answer"));
        messages.Should().Contain(m => m.Contains("give your passport or ID card number"));
        messages.Should().Contain(m => m.Contains("agree that we process your data"));

        await page.GetByLabel("Full name").FillAsync("Ann de Vries");
        await page.GetByLabel("Organisation", new() { Exact = true }).FillAsync("TU Delft");
        await page.GetByLabel("Deposition lab").CheckAsync();
        await page.GetByLabel("Nationality").FillAsync("Dutch");
        await page.GetByLabel("Passport or ID card number").FillAsync("NX4R72PK9");
        await page.GetByLabel("Date of birth").FillAsync("1984-05-17");
        await page.GetByLabel("vegetarian").CheckAsync();
        await page.GetByLabel("I agree that the organisers process my data for this mission (required)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.GetByText("Your place is confirmed").WaitForAsync();
        await Shot(page, "03-registered");

        var confirmation = (await smtp.WaitForAsync(2)).Single(m => m.Subject!.StartsWith("You are registered", StringComparison.Ordinal));
        var myLink = EmailLinks.Single(confirmation.Text, LinkKind.Registration).ToString();
        await page.GotoAsync(myLink);
        await page.GetByText("Confirmed", new() { Exact = true }).WaitForAsync();
        await page.Locator("dl.facts dd", new() { HasText = "Deposition lab" }).WaitForAsync();
        (await page.Locator("dl.facts").TextContentAsync()).Should().Contain("given (encrypted)").And.NotContain("NX4R72PK9");
        await Shot(page, "04-my-registration");

        await page.GetByRole(AriaRole.Link, new() { Name = "Your programme and calendar" }).ClickAsync();
        await page.GetByText("Secure photonics lab").WaitForAsync();
        (await page.Locator("ol.itinerary").TextContentAsync()).Should().Contain("10:00–12:00").And.Contain("Closed shoes; gowning provided");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
        await Shot(page, "04b-itinerary");
        var pdfDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as PDF" }).ClickAsync());
        (await File.ReadAllBytesAsync((await pdfDownload.PathAsync())!)).Take(5).Should().Equal("%PDF-"u8.ToArray(), "the itinerary downloads as a PDF");
        var feedUrl = await page.GetByRole(AriaRole.Link, new() { Name = "Calendar file (.ics)" }).GetAttributeAsync("href");
        using (var feed = await api.GetAsync(feedUrl))
        {
            feed.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
            var calendar = await IcsParser.ParseAsync(await feed.Content.ReadAsStringAsync());
            calendar.Events.Single().Summary.Should().Be("Secure photonics lab");
            calendar.Events.Single().Tzid.Should().Be("Europe/London");
        }

        (await api.GetAsync(feedUrl![..^8] + "AAAA.ics")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "a tampered calendar link is not found");
        await page.GotoAsync(myLink);
        await page.GetByText("Change your answers").ClickAsync();
        await page.GetByLabel("Measurement lab").CheckAsync();
        await page.GetByLabel("Full name").FillAsync("Ann van Dijk-de Vries");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await page.GetByText("Your changes are saved.").WaitForAsync();
        (await page.Locator("dl.facts").TextContentAsync()).Should().Contain("Ann van Dijk-de Vries").And.Contain("Measurement lab").And.Contain("given (encrypted)");
        await Shot(page, "05-changed");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download everything we hold about you (JSON)" }).ClickAsync());
        var data = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement.GetProperty("registration");
        data.GetProperty("idDetails").GetProperty("idNumber").GetString().Should().Be("NX4R72PK9");
        data.GetProperty("answers")[0].GetProperty("answer")[0].GetString().Should().Be("Measurement lab");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel my registration" }).ClickAsync();
        await page.GetByText("Cancelled", new() { Exact = true }).WaitForAsync();
        await Shot(page, "06-cancelled");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Cancel my registration" }).CountAsync()).Should().Be(0);

        var otherMission = await api.GetAsync($"/register/{mission}");
        otherMission.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "an invitation-only mission has no public page");
        errors.Should().BeEmpty("pages log no console errors");
    }

    private static async Task<Guid> ArrangeMissionAsync(HttpClient api)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var created = await api.PostAsJsonAsync("/api/v1/missions", new
        {
            title = "NL–UK neuromorphic mission",
            summary = "Symposium and lab tours",
            hostCountry = "United Kingdom",
            hostCity = "Cambridge",
            timeZoneId = "Europe/London",
            startDate = start,
            endDate = start.AddDays(3),
        });
        created.EnsureSuccessStatusCode();
        var mission = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/v1/missions/{mission}/status", new { status = "Open" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/missions/{mission}/questions", new
        {
            prompt = "Which lab interests you most?",
            kind = "SingleChoice",
            options = new[] { "Cleanroom", "Deposition lab", "Measurement lab" },
            required = true,
        })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/missions/{mission}/programme-items", new
        {
            title = "Secure photonics lab",
            kind = "LabTour",
            startsAt = start.AddDays(1).ToDateTime(new TimeOnly(10, 0)),
            endsAt = start.AddDays(1).ToDateTime(new TimeOnly(12, 0)),
            capacity = 6,
            allowsParallel = true,
            requiresIdScreening = true,
            dressCode = "Closed shoes; gowning provided",
            contact = "Dr Jane Smith, +44 20 7946 0000",
        })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/missions/{mission}/invitations", new { email = "ann@example.org", name = "Ann de Vries" })).EnsureSuccessStatusCode();
        return mission;
    }

    private static Task Shot(IPage page, string name) => Infrastructure.Browser.ShotAsync(page, "participant", name);

}
