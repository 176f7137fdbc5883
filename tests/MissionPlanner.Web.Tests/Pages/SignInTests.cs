using System.Net;
using MissionPlanner.Data;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

public sealed class SignInTests
{
    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var browser = new WebSession(app);

        var response = await browser.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().StartWith("http://localhost/signin");
    }

    [Fact]
    public async Task OpeningTheLink_DoesNotUseItUp_PostingIt_SignsInOnce()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var browser = new WebSession(app);

        // A mail scanner opening the link twice must not consume it.
        (await browser.GetAsync($"/signin/link?token={ann.SignInToken}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await browser.GetAsync($"/signin/link?token={ann.SignInToken}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await browser.SignInAsync(ann.SignInToken);

        (await browser.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        browser.LastHtml.Should().Contain("Your missions").And.Contain("ann");

        var again = new WebSession(app);
        await again.SubmitAsync($"/signin/link?token={ann.SignInToken}", new Dictionary<string, string> { ["Token"] = ann.SignInToken });
        again.LastHtml.Should().Contain("not valid");
        (await again.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a used link signs nobody in");
    }

    [Fact]
    public async Task FormsWithoutTheAntiforgeryToken_AreRejected()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var browser = new WebSession(app);

        var forged = await browser.PostAsync("/signin/link", new Dictionary<string, string> { ["Token"] = ann.SignInToken }, token: null);

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await browser.SignInAsync(ann.SignInToken);
    }

    [Fact]
    public async Task ExpiredLinks_AreRefused()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, frozenClock: true);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var browser = new WebSession(app);

        await browser.SubmitAsync($"/signin/link?token={ann.SignInToken}", new Dictionary<string, string> { ["Token"] = ann.SignInToken });

        browser.LastHtml.Should().Contain("not valid");
        (await browser.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Sessions_EndAfterTheIdleTimeout_AndAfterTheAbsoluteTimeout()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, frozenClock: true);
        var idle = new WebSession(app);
        await idle.SignInAsync((await app.AddOrganiserAsync("ann@example.org")).SignInToken);
        var busy = new WebSession(app);
        await busy.SignInAsync((await app.AddOrganiserAsync("bob@example.org")).SignInToken);

        // Bob stays active every 40 minutes; Ann is away for 61 minutes.
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(40));
            (await busy.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, $"active after {(i + 1) * 40} minutes");
        }

        (await idle.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect, "idle for two hours");

        for (var i = 0; i < 18; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(40));
            await busy.GetAsync("/");
        }

        (await busy.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect, "14 hours after sign-in, however active");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var browser = new WebSession(app);
        await browser.SignInAsync((await app.AddOrganiserAsync("ann@example.org")).SignInToken);

        await browser.SubmitAsync("/signout", new Dictionary<string, string>());

        (await browser.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task GuessingLinks_IsRateLimited_AfterTenAttemptsAMinute()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var guesser = new WebSession(app);
        await guesser.GetAsync("/signin");
        var token = guesser.AntiforgeryToken();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await guesser.PostAsync("/signin", new Dictionary<string, string> { ["Link"] = $"guess-{i}" }, token)).StatusCode);
        }

        statuses.Take(10).Should().AllBeEquivalentTo(HttpStatusCode.OK, "wrong guesses show the form again");
        statuses[10].Should().Be(HttpStatusCode.TooManyRequests);
        (await guesser.PostAsync("/signin", new Dictionary<string, string> { ["Link"] = ann.SignInToken }, token))
            .StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "even a right link waits for the window to pass");
        (await guesser.GetAsync("/signin")).StatusCode.Should().Be(HttpStatusCode.OK, "reading the page is not limited");
    }

    [Fact]
    public async Task APostWithoutAKnownHandler_IsABadRequest_NotAServerError()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var browser = new WebSession(app);
        await browser.GetAsync("/signin");

        var response = await browser.PostAsync("/i/some-token?handler=Nonsense", new Dictionary<string, string>(), browser.AntiforgeryToken());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
