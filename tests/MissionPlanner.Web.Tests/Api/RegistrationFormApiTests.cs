using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Demo;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Api;

/// <summary>Open and approval registration through the public API and page, and the organisers' decisions.</summary>
public sealed class RegistrationFormApiTests
{
    private static object Details(string name = "Eve Jansen") => new
    {
        name,
        organisation = "Brainchip BV",
        sector = "StartUp",
        role = "Member",
        consentProcessing = true,
    };

    [Theory, AllDatabases]
    public async Task OpenRegistration_ReportsEveryBadFieldAtOnce_NeverTellsWhoIsRegistered_AndIsRateLimited(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Auth:PublicRegistrationsPerMinute"] = "6" });
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var (organiser, added) = await app.ApiClientAsync("org@example.org");
        await app.GrantAsync(mission, added.OrganiserId, MissionRoleKind.Organiser);
        var anonymous = app.CreateClient();
        var url = $"/api/v1/public/missions/{mission}/registrations";

        (await anonymous.GetAsync($"/api/v1/public/missions/{mission}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the demo is invitation-only");
        (await anonymous.PostJsonAsync(url, new { email = "eve@example.org", details = Details() })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await organiser.PutJsonAsync($"/api/v1/missions/{mission}/registration-mode", new { mode = "Open" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var question = (await (await organiser.PostJsonAsync($"/api/v1/missions/{mission}/questions",
            new { prompt = "Poster at the symposium?", kind = "YesNo", required = true })).ReadAsync())["id"]!.GetValue<Guid>();

        var bad = await anonymous.PostJsonAsync(url, new
        {
            email = "not an email",
            details = new { name = "", organisation = "X", sector = "StartUp", role = "Member", consentProcessing = false, answers = new Dictionary<string, string[]> { [question.ToString()] = ["maybe"] } },
        });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.ErrorFieldsAsync()).Should().BeEquivalentTo("email", "details.name", "details.consentProcessing", $"details.answers[{question}]");
        (await anonymous.PostJsonAsync(url, new { email = "eve@example.org" })).StatusCode.Should().Be(HttpStatusCode.BadRequest, "details are required");

        var answered = new
        {
            name = "Eve Jansen",
            organisation = "Brainchip BV",
            sector = "StartUp",
            role = "Member",
            consentProcessing = true,
            answers = new Dictionary<string, string[]> { [question.ToString()] = ["yes"] }
        };
        var first = await anonymous.PostJsonAsync(url, new { email = "eve@example.org", details = answered });
        var second = await anonymous.PostJsonAsync(url, new { email = "EVE@example.org", details = answered });
        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync(), "a second registration looks exactly like the first");
        (await app.QueryAsync(db => db.Registrations.CountAsync(r => r.Email == "eve@example.org"))).Should().Be(1);
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "eve@example.org"))).Should().Be(2, "the link goes again to the owner of the address");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await anonymous.PostJsonAsync(url, new { email = $"p{i}@example.org", details = answered })).StatusCode);
        }

        statuses.Should().Contain(HttpStatusCode.TooManyRequests, "six registrations a minute per address at most");
    }

    [Fact]
    public async Task ApprovalRequired_ThePublicPageTakesTheApplication_AndTheOrganiserApprovesItOnTheDelegationPage()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var organiser = await app.AddOrganiserAsync("org@example.org");
        await app.GrantAsync(mission, organiser.OrganiserId, MissionRoleKind.Organiser);
        var browser = new WebSession(app);
        await browser.SignInAsync(organiser.SignInToken);
        (await browser.GetAsync($"/missions/{mission}/form")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await browser.PostAsync($"/missions/{mission}/form?handler=Mode", new Dictionary<string, string> { ["mode"] = "ApprovalRequired" },
            browser.AntiforgeryToken())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await browser.GetAsync($"/missions/{mission}/form");
        browser.LastHtml.Should().Contain($"/register/{mission}");

        var visitor = new WebSession(app);
        (await visitor.GetAsync($"/register/{mission}")).StatusCode.Should().Be(HttpStatusCode.OK);
        visitor.LastHtml.Should().Contain("The organisers review every registration");
        await visitor.SubmitAsync($"/register/{mission}", new Dictionary<string, string>
        {
            ["Input.Email"] = "eve@example.org",
            ["Input.Name"] = "Eve <b>Jansen</b>",
            ["Input.Organisation"] = "Brainchip BV",
            ["Input.Sector"] = "StartUp",
            ["Input.Role"] = "Member",
            ["Input.ConsentProcessing"] = "true",
        });
        visitor.LastHtml.Should().Contain("We have emailed a personal link to eve@example.org");
        var eve = await app.QueryAsync(db => db.Registrations.SingleAsync(r => r.Email == "eve@example.org"));
        eve.Status.Should().Be(RegistrationStatus.Pending);

        await browser.GetAsync($"/missions/{mission}/delegation?status=Pending");
        browser.LastHtml.Should().Contain("awaiting approval").And.Contain("Eve &lt;b&gt;Jansen&lt;/b&gt;").And.NotContain("Eve <b>Jansen</b>");
        (await browser.PostAsync($"/missions/{mission}/delegation?handler=Decide",
            new Dictionary<string, string> { ["registrationId"] = eve.Id.ToString(), ["decision"] = "Approve" }, browser.AntiforgeryToken()))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Registrations.Where(r => r.Id == eve.Id).Select(r => r.Status).SingleAsync())).Should().Be(RegistrationStatus.Confirmed);
        (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "eve@example.org").OrderBy(m => m.CreatedAt).Select(m => m.Subject).ToListAsync()))
            .Should().HaveCount(2).And.EndWith("You are registered: Innovation Mission to the UK: Neuromorphic Computing");
    }
}
