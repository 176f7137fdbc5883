using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Hosting;

public sealed class HealthAndOpenApiTests
{
    [Theory, AllDatabases]
    public async Task Health_ChecksTheDatabaseAndTheScheduler(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var client = app.CreateClient();

        // The scheduler starts in the background and reports "Degraded" until it runs; give it a few seconds.
        var response = await client.GetAsync("/health");
        var health = await response.ReadAsync();
        for (var i = 0; i < 50 && (string)health["status"]! == "Degraded"; i++)
        {
            await Task.Delay(200);
            response = await client.GetAsync("/health");
            health = await response.ReadAsync();
        }

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)health["status"]!).Should().Be("Healthy");
        ((string)health["checks"]!["database"]!["description"]!).Should().StartWith(provider.ToString());
        ((string)health["checks"]!["scheduler"]!["status"]!).Should().Be("Healthy");
    }

    [Theory, AllDatabases]
    public async Task A_scheduler_that_cannot_start_stops_the_app_with_exit_code_1_and_the_reason(DatabaseProvider provider)
    {
        // The scheduler starts after the server listens; when it cannot (here its job store lost a
        // table), the node must not run on without jobs as if all were well.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE qrtz_simple_triggers");
        }

        await using var app = AppProcess.StartServer(MailingApp.Environment(database));

        (await app.WaitForExitAsync(TimeSpan.FromSeconds(90))).Should().Be(1, app.Output);
        app.Output.Should().Contain("The job scheduler could not start").And.ContainEquivalentOf("simple_triggers");
    }

    [Theory, AllDatabases]
    public async Task Health_IsUnhealthy_NamingThePendingMigrations_WhenTheAppDoesNotMigrate(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
            ["Jobs:Enabled"] = "false",
        }, migrated: false);

        var response = await app.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var database = (await response.ReadAsync())["checks"]!["database"]!;
        using var scope = app.Services.CreateScope();
        var all = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().ToList();
        all.Should().StartWith(["20261130000000_Baseline", "20261130190000_PersonalLinks"]);
        ((string)database["description"]!).Should().Be($"{provider}: {all.Count} migration(s) pending: {string.Join(", ", all)}.");
    }

    [Fact]
    public async Task OpenApi_DescribesEveryApiRoute()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);

        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ReadAsync();

        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain([
            "/api/v1/missions", "/api/v1/missions/{missionId}", "/api/v1/missions/{missionId}/status",
            "/api/v1/missions/{missionId}/venues", "/api/v1/missions/{missionId}/venues/{venueId}",
            "/api/v1/missions/{missionId}/programme-items", "/api/v1/missions/{missionId}/programme-items/{itemId}",
        ]);
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/signin");

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("same-origin");
    }
}
