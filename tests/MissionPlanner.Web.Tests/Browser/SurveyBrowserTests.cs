using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Browser;

/// <summary>
/// A delegate answers a feedback survey on a phone, in real Chromium against the app as a process: the survey job of
/// the running app sends it once the item it asks about is over, the SMTP server receives it, and the link in it opens
/// the survey; the answers are given with the keyboard, a missing answer is pointed out beside its question.
/// </summary>
public sealed class SurveyBrowserTests
{
    [Fact]
    public async Task OnAPhone_ADelegateAnswersTheSurveyTheJobEmailed_WithTheKeyboard()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        var env = MailingApp.Environment(database, smtp);
        var app = await AppProcess.StartServerAsync(env);
        var survey = Guid.Empty;
        try
        {
            var (_, stdout, _) = await AppProcess.RunVerbAsync(env, "organiser", "add", "org@example.org");
            using var api = new HttpClient { BaseAddress = app.Address };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stdout.TrimEnd().Split('\n')[^1]["token: ".Length..]);
            survey = await ArrangeAsync(api);
            // The import's email goes out before this process stops: one claimed and cut off mid-send would wait out its claim.
            await smtp.WaitForAsync(1);
        }
        finally
        {
            await app.DisposeAsync();
        }

        // The survey job runs as the app starts (and every ten minutes after): the symposium is over, so out it goes.
        await using var running = await AppProcess.StartServerAsync(env);
        var email = (await smtp.WaitForAsync(2)).Single(m => m.Subject == "How was the symposium?");
        var link = EmailLinks.Single(email.Text, LinkKind.Registration).ToString();
        link.Should().EndWith($"/surveys/{survey}");

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
        await page.GetByRole(AriaRole.Heading, new() { Name = "How was the symposium?" }).WaitForAsync();
        (await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !(e.labels && e.labels.length)).map(e => e.name)"))
            .Should().BeEmpty("every field has a label");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0, "nothing scrolls sideways on a phone");
        await Shot(page, "01-survey");

        // The browser itself asks for the required rating; with its check off, the server says so beside the question.
        (await page.Locator("fieldset.rating input[type=radio][required]").CountAsync()).Should().Be(5);
        await page.EvaluateAsync("document.querySelector('form.survey').noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await page.Locator(".field-validation-error").First.WaitForAsync();
        var rating = page.Locator("fieldset.rating input[type=radio]");
        (await page.Locator(".field-validation-error").AllTextContentsAsync()).Should().ContainSingle()
            .Which.Should().Be("1. How useful were the talks?: Please answer this question.");
        (await page.GetByRole(AriaRole.Alert).TextContentAsync()).Should().Contain("One answer needs your attention");
        (await rating.First.GetAttributeAsync("aria-invalid")).Should().Be("true");
        await Shot(page, "02-missing");

        // With the keyboard only: into the rating group, arrow keys to 4, on to the options and the text, then send.
        await rating.First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        (await page.Locator("fieldset.rating input:checked").GetAttributeAsync("value")).Should().Be("4");
        await page.GetByLabel("Lab tours").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("3. What should we do differently?").FocusAsync();
        await page.Keyboard.TypeAsync("More time with the hosts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Answered. Thank you!").WaitForAsync();
        await Shot(page, "03-answered");

        using var check = new HttpClient { BaseAddress = running.Address };
        (await check.GetStringAsync(new Uri(link).PathAndQuery)).Should().Contain("You have answered this survey");
        errors.Should().BeEmpty("pages log no console errors");
    }

    /// <summary>A mission whose symposium was yesterday, one delegate, and an anonymous survey about the symposium, scheduled.</summary>
    private static async Task<Guid> ArrangeAsync(HttpClient api)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var created = await api.PostAsJsonAsync("/api/v1/missions", new
        {
            title = "NL–UK neuromorphic mission",
            hostCountry = "United Kingdom",
            hostCity = "London",
            timeZoneId = "Europe/London",
            startDate = start,
            endDate = start.AddDays(1),
        });
        created.EnsureSuccessStatusCode();
        var mission = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var item = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/programme-items", new
        {
            title = "Bilateral symposium",
            kind = "SymposiumSession",
            startsAt = start.ToDateTime(new TimeOnly(9, 0)),
            endsAt = start.ToDateTime(new TimeOnly(17, 0)),
        });
        item.EnsureSuccessStatusCode();
        var itemId = (await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/v1/missions/{mission}/delegation/import",
            new { csv = "email,name,organisation,sector\nann@example.org,Ann de Vries,TU Delft,Academia\n" })).EnsureSuccessStatusCode();
        var survey = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/surveys", new
        {
            title = "How was the symposium?",
            anonymous = true,
            programmeItemId = itemId,
            questions = new object[]
            {
                new { kind = "Rating", text = "How useful were the talks?", required = true },
                new { kind = "SeveralChoices", text = "What was most useful?", options = new[] { "Talks", "Lab tours", "Networking" } },
                new { kind = "Text", text = "What should we do differently?" },
            },
        });
        survey.EnsureSuccessStatusCode();
        var id = (await survey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/v1/missions/{mission}/surveys/{id}/schedule", new { scheduled = true, version = 0 })).EnsureSuccessStatusCode();
        return id;
    }

    private static Task Shot(IPage page, string name) => Infrastructure.Browser.ShotAsync(page, "survey", name);
}
