using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Hosting;

/// <summary>Headers on every kind of response, cookie flags, no state change on GET, and no personal data in the logs.</summary>
public sealed class WebSecurityTests
{
    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var url in new[] { "/signin", "/", "/api/v1/missions", "/r/not-a-token", "/health", "/css/site.css" })
        {
            var response = await client.GetAsync(url);
            var headers = response.Headers;
            headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff", url);
            headers.GetValues("Referrer-Policy").Single().Should().Be("same-origin", url);
            headers.GetValues("X-Frame-Options").Single().Should().Be("DENY", url);
            var csp = headers.GetValues("Content-Security-Policy").Single();
            csp.Should().Contain("frame-ancestors 'none'").And.Contain("default-src 'self'").And.Contain("script-src 'self'").And.NotContain("unsafe-inline", url);
        }
    }

    [Fact]
    public async Task SessionAndAntiforgeryCookies_AreHttpOnlySameSite_AndSecureOverHttps()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });

        var form = await client.GetAsync($"/signin/link?token={ann.SignInToken}");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mp.af=", StringComparison.Ordinal));
        antiforgery.Should().Contain("httponly").And.Contain("samesite=strict").And.Contain("secure");
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin/link")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Token"] = ann.SignInToken, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(post);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => !c.StartsWith("mp.af=", StringComparison.Ordinal));
        session.Should().Contain("httponly").And.Contain("samesite=lax").And.Contain("secure");
    }

    [Fact]
    public async Task Get_ChangesNothing_SigningOutAndAnsweringNeedAPost()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var browser = new WebSession(app);
        await browser.SignInAsync(ann.SignInToken);

        (await browser.GetAsync("/signout")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await browser.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "opening the sign-out page does not sign out");
        var forged = await browser.PostAsync("/signout", new Dictionary<string, string>(), token: null);
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a post without the antiforgery token is refused");
        (await browser.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheLogs_HoldNoPersonalData()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrated: false);
        var env = new Dictionary<string, string>
        {
            ["MISSIONPLANNER_DATA"] = database.Directory,
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = database.ConnectionString,
            // Everything the app would ever log, down to debug.
            ["Logging__LogLevel__Default"] = "Debug",
            ["Logging__LogLevel__Microsoft"] = "Debug",
        };
        await using var app = await AppProcess.StartServerAsync(env);
        var (_, stdout, _) = await AppProcess.RunVerbAsync(env, "organiser", "add", "org@example.org");
        using var api = new HttpClient { BaseAddress = app.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stdout.TrimEnd().Split('\n')[^1]["token: ".Length..]);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var mission = (string)(await (await api.PostAsJsonAsync("/api/v1/missions", new
        {
            title = "Mission",
            hostCountry = "United Kingdom",
            hostCity = "London",
            timeZoneId = "Europe/London",
            startDate = start,
            endDate = start.AddDays(2),
        })).Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        (await api.PostAsJsonAsync($"/api/v1/missions/{mission}/status", new { status = "Open" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/missions/{mission}/registration-mode", new { mode = "Open" })).EnsureSuccessStatusCode();
        using var anonymous = new HttpClient { BaseAddress = app.Address };
        var registered = await anonymous.PostAsJsonAsync($"/api/v1/public/missions/{mission}/registrations", new
        {
            email = "zeynep.ozturk@private.example",
            details = new { name = "Zeynep Öztürk-Privé", organisation = "TU Delft", sector = "Academia", role = "Member", consentProcessing = true, phone = "+31 6 9876 5432" },
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var bad = await anonymous.PostAsJsonAsync($"/api/v1/public/missions/{mission}/registrations", new { email = "zeynep.second@private.example", details = new { name = "Zeynep Second" } });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await Task.Delay(500);

        var log = app.Output;
        log.Should().Contain("RegisterOpenCommand", "the requests were logged, at debug level too");
        foreach (var secret in new[] { "zeynep", "Öztürk", "9876", "private.example", "Second" })
        {
            log.Should().NotContainEquivalentOf(secret, "names, addresses and phone numbers stay out of the logs");
        }
    }
}
