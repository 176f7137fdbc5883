using System.Net;
using System.Net.Http.Headers;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Hosting;

/// <summary>The app as a separate process, the way the README's Quick start runs it.</summary>
public sealed class QuickStartTests
{
    [Theory, AllDatabases]
    public async Task FirstStart_SeedsTheDemo_AndOrganiserAdd_PrintsATokenThatSeesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        var env = MailingApp.Environment(database);

        await using var app = await AppProcess.StartServerAsync(env);
        env["Auth__PublicBaseUrl"] = app.Address.ToString();
        var (exit, stdout, stderr) = await AppProcess.RunVerbAsync(env, "organiser", "add", "ann@example.org");

        exit.Should().Be(0, stderr);
        stdout.Should().NotContain("handled in", "logs go to stderr, never between the answer lines");
        var lines = stdout.TrimEnd().Split('\n');
        lines[^1].Should().MatchRegex("^token: mp_[A-Za-z0-9_-]{43}$");
        stdout.Should().Contain($"{app.Address.ToString().TrimEnd('/')}/signin/link?token=");
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lines[^1]["token: ".Length..]);
        var missions = await (await client.GetAsync("/api/v1/missions")).ReadAsync();
        missions.AsArray().Select(m => (string)m!["title"]!).Should().Equal("Innovation Mission to the UK: Neuromorphic Computing");
        (await client.GetAsync("/signin")).StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in form is served, with its antiforgery key");
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.GetFiles(Path.Combine(database.Directory, "keys")).Should().NotBeEmpty("one node keeps its data-protection keys in the data directory");
        }
        else
        {
            await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var keys = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM data_protection_keys", connection);
            ((long)(await keys.ExecuteScalarAsync())!).Should().BeGreaterThan(0, "a cluster keeps its data-protection keys in the shared database");
        }
    }

    [Fact]
    public async Task UnknownVerb_PrintsUsage()
    {
        var (exit, _, stderr) = await AppProcess.RunVerbAsync(new Dictionary<string, string>(), "fly");

        exit.Should().Be(2);
        stderr.Should().Contain("organiser add EMAIL");
    }
}
