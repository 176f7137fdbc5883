using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Organisers;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Api;

public sealed class MissionsApiTests
{
    private static readonly object Mission = new
    {
        title = "NL–UK neuromorphic mission",
        summary = "Symposium, lab tours, signing ceremony",
        hostCountry = "United Kingdom",
        hostCity = "London",
        timeZoneId = "Europe/London",
        startDate = "2027-03-22",
        endDate = "2027-03-25",
    };

    [Theory, AllDatabases]
    public async Task Create_Get_Update_AndAStaleUpdateConflicts(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (api, _) = await app.ApiClientAsync("ann@example.org");

        var created = await api.PostJsonAsync("/api/v1/missions", Mission);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.ReadAsync();
        var id = (string)body["id"]!;
        created.Headers.Location!.ToString().Should().Be($"/api/v1/missions/{id}");
        ((string)body["status"]!).Should().Be("Draft");
        ((string)body["role"]!).Should().Be("Owner");

        var update = new
        {
            title = "Renamed",
            hostCountry = "United Kingdom",
            hostCity = "Cambridge",
            timeZoneId = "Europe/London",
            startDate = "2027-03-22",
            endDate = "2027-03-25",
            version = 0
        };
        var updated = await api.PutJsonAsync($"/api/v1/missions/{id}", update);
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)(await updated.ReadAsync())["hostCity"]!).Should().Be("Cambridge");

        var stale = await api.PutJsonAsync($"/api/v1/missions/{id}", update with { title = "Lost update" });
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        stale.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        var list = await (await api.GetAsync("/api/v1/missions")).ReadAsync();
        list.AsArray().Select(m => (string)m!["title"]!).Should().Equal("Renamed");
    }

    [Theory, AllDatabases]
    public async Task InvalidInput_Is400_NamingEachField_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (api, _) = await app.ApiClientAsync("ann@example.org");

        var invalid = await api.PostJsonAsync("/api/v1/missions", new
        {
            title = new string('x', 201),
            hostCountry = "United Kingdom",
            hostCity = "",
            timeZoneId = "Mars/Olympus_Mons",
            startDate = "2027-03-22",
            endDate = "2027-03-20",
        });
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.ErrorFieldsAsync()).Should().BeEquivalentTo(["title", "hostCity", "timeZoneId", "endDate"]);

        var malformed = await api.PostAsync("/api/v1/missions", new StringContent("{\"title\": \"x\", \"startDate\": ", Encoding.UTF8, "application/json"));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.ErrorFieldsAsync()).Should().ContainSingle().Which.Should().Be("startDate");

        var wrongType = await api.PostAsync("/api/v1/missions", new StringContent(
            "{\"title\": \"x\", \"hostCountry\": \"UK\", \"hostCity\": \"London\", \"timeZoneId\": \"Europe/London\", \"startDate\": \"next week\", \"endDate\": \"2027-03-20\"}",
            Encoding.UTF8, "application/json"));
        wrongType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongType.ErrorFieldsAsync()).Should().Equal("startDate");

        var missing = await api.PostJsonAsync("/api/v1/missions", new { hostCountry = "UK" });
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.ErrorFieldsAsync()).Should().Contain(["title", "hostCity", "timeZoneId", "startDate"]);

        (await app.QueryAsync(db => Task.FromResult(db.Missions.Count()))).Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task WithoutAValidToken_EverythingIs401(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (api, ann) = await app.ApiClientAsync("ann@example.org");
        var id = (string)(await (await api.PostJsonAsync("/api/v1/missions", Mission)).ReadAsync())["id"]!;
        var anonymous = app.CreateClient();

        (await anonymous.GetAsync("/api/v1/missions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/v1/missions/{id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostJsonAsync("/api/v1/missions", Mission)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "mp_" + new string('A', 43));
        (await anonymous.GetAsync("/api/v1/missions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await app.SendAsync(new RevokeApiTokenCommand(ann.ApiToken))).Should().BeTrue();
        (await api.GetAsync($"/api/v1/missions/{id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a revoked token stops working");
    }

    [Theory, AllDatabases]
    public async Task AnotherOrganisersMission_Is404_ForEveryEndpoint(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (ann, _) = await app.ApiClientAsync("ann@example.org");
        var (eve, _) = await app.ApiClientAsync("eve@example.org");
        var id = (string)(await (await ann.PostJsonAsync("/api/v1/missions", Mission)).ReadAsync())["id"]!;
        var venue = (string)(await (await ann.PostJsonAsync($"/api/v1/missions/{id}/venues",
            new { name = "Embassy", kind = "Embassy", city = "London" })).ReadAsync())["id"]!;

        var attempts = new Func<Task<HttpResponseMessage>>[]
        {
            () => eve.GetAsync($"/api/v1/missions/{id}"),
            () => eve.PutJsonAsync($"/api/v1/missions/{id}", Mission),
            () => eve.DeleteAsync($"/api/v1/missions/{id}"),
            () => eve.PostJsonAsync($"/api/v1/missions/{id}/status", new { status = "Open" }),
            () => eve.GetAsync($"/api/v1/missions/{id}/venues"),
            () => eve.GetAsync($"/api/v1/missions/{id}/venues/{venue}"),
            () => eve.PostJsonAsync($"/api/v1/missions/{id}/venues", new { name = "Hijack", kind = "Hotel" }),
            () => eve.DeleteAsync($"/api/v1/missions/{id}/venues/{venue}"),
            () => eve.GetAsync($"/api/v1/missions/{id}/programme-items"),
            () => eve.PostJsonAsync($"/api/v1/missions/{id}/programme-items",
                new { title = "x", kind = "Talk", startsAt = "2027-03-22T09:00:00", endsAt = "2027-03-22T10:00:00" }),
        };
        foreach (var attempt in attempts)
        {
            (await attempt()).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await (await eve.GetAsync("/api/v1/missions")).ReadAsync()).AsArray().Should().BeEmpty();
        (await (await ann.GetAsync($"/api/v1/missions/{id}/venues")).ReadAsync()).AsArray().Should().ContainSingle();
    }

    [Theory, AllDatabases]
    public async Task Viewer_Reads_ButEveryChangeIs403(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (ann, _) = await app.ApiClientAsync("ann@example.org");
        var (vic, viewer) = await app.ApiClientAsync("vic@example.org");
        var id = (string)(await (await ann.PostJsonAsync("/api/v1/missions", Mission)).ReadAsync())["id"]!;
        await app.GrantAsync(Guid.Parse(id), viewer.OrganiserId, MissionRoleKind.Viewer);

        (await vic.GetAsync($"/api/v1/missions/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await vic.GetAsync($"/api/v1/missions/{id}/programme-items")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ann.PostJsonAsync($"/api/v1/missions/{id}/status", new { status = "Open" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await app.SendAsync(new Features.Invitations.ImportInvitationsCommand("email,name\npia@example.org,Pia\n") { MissionId = Guid.Parse(id) });
        var glance = await (await vic.GetAsync($"/api/v1/missions/{id}/at-a-glance")).ReadAsync();
        ((int)glance["invited"]!, (int)glance["invitationsUnanswered"]!, (int)glance["confirmed"]!).Should().Be((1, 1, 0));
        (await vic.PutJsonAsync($"/api/v1/missions/{id}", new
        {
            title = "Mine now",
            hostCountry = "UK",
            hostCity = "London",
            timeZoneId = "Europe/London",
            startDate = "2027-03-22",
            endDate = "2027-03-25",
            version = 0
        }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await vic.PostJsonAsync($"/api/v1/missions/{id}/venues", new { name = "Pub", kind = "Other" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await vic.DeleteAsync($"/api/v1/missions/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await app.QueryAsync(db => Task.FromResult(db.Missions.Single().Title))).Should().Be("NL–UK neuromorphic mission");
    }

    [Theory, AllDatabases]
    public async Task Owner_GrantsARole_ThroughTheTeamEndpoint(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (ann, _) = await app.ApiClientAsync("ann@example.org");
        var (vic, _) = await app.ApiClientAsync("vic@example.org");
        var id = (string)(await (await ann.PostJsonAsync("/api/v1/missions", Mission)).ReadAsync())["id"]!;
        (await vic.GetAsync($"/api/v1/missions/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var granted = await ann.PutJsonAsync($"/api/v1/missions/{id}/team", new { email = "vic@example.org", role = "Viewer" });
        granted.StatusCode.Should().Be(HttpStatusCode.OK);

        (await vic.GetAsync($"/api/v1/missions/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await vic.PutJsonAsync($"/api/v1/missions/{id}/team", new { email = "vic@example.org", role = "Owner" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var invalid = await ann.PutJsonAsync($"/api/v1/missions/{id}/team", new { email = "not an email", role = "Viewer" });
        (await invalid.ErrorFieldsAsync()).Should().Equal("email");
    }

    [Fact]
    public async Task ACsvWithBadRows_Is400_WithTheErrorsKeyedByLineAndColumn_AndImportsNothing()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (api, _) = await app.ApiClientAsync("ann@example.org");
        var id = (string)(await (await api.PostJsonAsync("/api/v1/missions", Mission)).ReadAsync())["id"]!;
        await api.PostJsonAsync($"/api/v1/missions/{id}/status", new { status = "Open" });

        var invitations = await api.PostJsonAsync($"/api/v1/missions/{id}/invitations/import", new { csv = "email,name\nann@example.org,Ann\nbroken,Bob\n" });
        var delegates = await api.PostJsonAsync($"/api/v1/missions/{id}/delegation/import", new { csv = "email,name,organisation,sector\ncem@example.org,Cem,TNO,space\n" });

        invitations.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invitations.ErrorFieldsAsync()).Should().Equal("line 3, email");
        delegates.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await delegates.ErrorFieldsAsync()).Should().Equal("line 2, sector");
        (await (await api.GetAsync($"/api/v1/missions/{id}/invitations")).ReadAsync()).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task AFileSentAsBytes_CanBePreviewed_ThenImported()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (api, _) = await app.ApiClientAsync("ann@example.org");
        var id = (string)(await (await api.PostJsonAsync("/api/v1/missions", Mission)).ReadAsync())["id"]!;
        await api.PostJsonAsync($"/api/v1/missions/{id}/status", new { status = "Open" });
        var file = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("Email\tGiven name\tSurname\r\npia@example.org\tPía\tØstergaard\r\nbroken\tBo\tB\r\n")).ToArray();

        var preview = await api.PostJsonAsync($"/api/v1/missions/{id}/invitations/import", new { file, preview = true });
        var body = await preview.ReadAsync();

        preview.StatusCode.Should().Be(HttpStatusCode.OK, "a preview answers how the file was read, bad rows included");
        ((string)body["preview"]!["format"]!).Should().Be("CSV, UTF-16, separated by tabs");
        ((string)body["preview"]!["firstRows"]![0]!["values"]!["name"]!).Should().Be("Pía Østergaard");
        body["errors"]!.AsArray().Should().ContainSingle();
        (await (await api.GetAsync($"/api/v1/missions/{id}/invitations")).ReadAsync()).AsArray().Should().BeEmpty();

        var import = await api.PostJsonAsync($"/api/v1/missions/{id}/invitations/import", new { file, importValidRowsOnly = true });

        import.StatusCode.Should().Be(HttpStatusCode.OK);
        ((int)(await import.ReadAsync())["imported"]!).Should().Be(1);
        (await (await api.GetAsync($"/api/v1/missions/{id}/invitations")).ReadAsync()).AsArray().Single()!["name"]!.GetValue<string>().Should().Be("Pía Østergaard");
    }
}
