using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Ceremonies;
using MissionPlanner.Features.CheckIn;
using MissionPlanner.Features.Demo;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Visits;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Hosting;

/// <summary>
/// Every endpoint and page the app maps × every kind of caller, with the status each must get. The
/// list comes from the app's own endpoint table, so an endpoint without a rule here fails the test.
/// </summary>
public sealed partial class AuthorisationMatrixTests
{
    public enum Role
    {
        Anonymous,
        OrganiserOfAnotherMission,
        Viewer,
        Organiser,
        ParticipantA,
        ParticipantB,
        HostX,
        HostY,
    }

    /// <summary>What kind of endpoint it is, which decides who may use it.</summary>
    private enum Kind
    {
        ApiRead,
        ApiOrganiserRead,
        ApiWrite,
        ApiAnyOrganiser,
        Public,
        Page,
        OwnerWrite,
        AnyOrganiserPage,
        RegistrationLink,
        InvitationLink,
        CalendarLink,
        HostLink,
        CeremonyLink,
        CheckInLink,
        CounterpartLink,
    }

    /// <summary>The rules: method and route pattern → kind. A new endpoint needs a line here.</summary>
    private static readonly Dictionary<string, Kind> Rules = new()
    {
        ["GET /openapi/{documentName}.json"] = Kind.Public,
        ["* /health"] = Kind.Public,
        ["GET /c/{token}"] = Kind.CalendarLink,
        ["GET /api/v1/missions/"] = Kind.ApiAnyOrganiser,
        ["POST /api/v1/missions/"] = Kind.ApiAnyOrganiser,
        ["GET /api/v1/missions/{missionId:guid}"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/at-a-glance"] = Kind.ApiRead,
        ["POST /api/v1/missions/{missionId:guid}/status"] = Kind.OwnerWrite,
        ["DELETE /api/v1/missions/{missionId:guid}"] = Kind.OwnerWrite,
        ["PUT /api/v1/missions/{missionId:guid}/team/"] = Kind.OwnerWrite,
        ["DELETE /api/v1/missions/{missionId:guid}/team/{organiserId:guid}"] = Kind.OwnerWrite,
        ["GET /api/v1/missions/{missionId:guid}/venues/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/venues/{venueId:guid}"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/programme-items/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/programme-items/{itemId:guid}"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/programme-warnings"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/venues/travel-times"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/registration-schedule"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/registration-mode"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/delegation/capacity"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/visits/settings"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/visits/plan/lock"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/team/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/invitations/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/outbox/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/delegation/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/delegation/export.csv"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/delegation/{registrationId:guid}/history"] = Kind.ApiOrganiserRead,
        ["GET /api/v1/missions/{missionId:guid}/delegation/{registrationId:guid}/personal-data"] = Kind.ApiOrganiserRead,
        ["GET /api/v1/missions/{missionId:guid}/questions"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/documents/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/documents/{runId:guid}"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/documents/{runId:guid}/files/{file}"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/hosts/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/counterparts/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/counterparts/{counterpartId:guid}"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/directory"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/meeting-requests"] = Kind.ApiRead,
        ["* r/{token}/meetings"] = Kind.RegistrationLink,
        ["GET /api/v1/missions/{missionId:guid}/meeting-plan/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/meeting-plan/outcomes"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/meeting-plan/sessions/{sessionId:guid}/pdf"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/meeting-plan/outcomes.csv"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/visits/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/visits/plan"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/ceremonies/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/actions/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/report"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/surveys/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/surveys/{surveyId:guid}/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/surveys/{surveyId:guid}/results"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/surveys/{surveyId:guid}/answers.csv"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/surveys/{surveyId:guid}/answers.xlsx"] = Kind.ApiRead,
        ["* missions/{missionId:guid}/surveys"] = Kind.Page,
        ["* missions/{missionId:guid}/surveys/{surveyId:guid}"] = Kind.Page,
        ["* r/{token}/surveys"] = Kind.RegistrationLink,
        ["GET /api/v1/missions/{missionId:guid}/travel/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/travel/hubs"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/travel/transfers"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/travel/manifest"] = Kind.ApiOrganiserRead,
        ["GET /api/v1/missions/{missionId:guid}/travel/manifest.csv"] = Kind.ApiOrganiserRead,
        ["GET /api/v1/missions/{missionId:guid}/travel/manifest.xlsx"] = Kind.ApiOrganiserRead,
        ["* missions/{missionId:guid}/travel"] = Kind.Page,
        ["* r/{token}/travel"] = Kind.RegistrationLink,
        ["GET /api/v1/missions/{missionId:guid}/rooms/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/rooms/blocks/{blockId:guid}"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/rooms/rooming-list.csv"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/rooms/rooming-list.xlsx"] = Kind.ApiRead,
        ["* missions/{missionId:guid}/rooms"] = Kind.Page,
        ["GET /api/v1/missions/{missionId:guid}/letters/"] = Kind.ApiOrganiserRead,
        ["GET /api/v1/missions/{missionId:guid}/letters/template"] = Kind.ApiOrganiserRead,
        ["GET /api/v1/missions/{missionId:guid}/letters/{letterId:guid}/letter.pdf"] = Kind.ApiOrganiserRead,
        ["* missions/{missionId:guid}/letters"] = Kind.Page,
        ["* r/{token}/letter"] = Kind.RegistrationLink,
        ["* r/{token}/surveys/{surveyId:guid}"] = Kind.RegistrationLink,
        ["GET /api/v1/missions/{missionId:guid}/retention/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/actions/{actionId:guid}"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/ceremonies/{ceremonyId:guid}/"] = Kind.ApiRead,
        ["GET /api/v1/missions/{missionId:guid}/ceremonies/{ceremonyId:guid}/documents/{kind}"] = Kind.ApiRead,
        ["GET /api/v1/public/missions/{missionId:guid}/"] = Kind.Public,
        ["GET /api/v1/public/missions/{missionId:guid}/form"] = Kind.Public,
        ["POST /api/v1/public/missions/{missionId:guid}/registrations"] = Kind.Public,
        ["* signin/link"] = Kind.Public,
        ["* signin"] = Kind.Public,
        ["* signout"] = Kind.Public,
        ["* s/{token}"] = Kind.CeremonyLink,
        ["* k/{token}"] = Kind.CheckInLink,
        ["* h/{token}"] = Kind.HostLink,
        ["* m/{token}"] = Kind.CounterpartLink,
        ["* missions/{missionId:guid}/counterparts"] = Kind.Page,
        ["* missions/{missionId:guid}/directory"] = Kind.Page,
        ["* missions/{missionId:guid}/meetings"] = Kind.Page,
        ["* "] = Kind.AnyOrganiserPage,
        ["* i/{token}"] = Kind.InvitationLink,
        ["* missions/new"] = Kind.AnyOrganiserPage,
        ["* missions/{missionId:guid}"] = Kind.Page,
        ["* missions/{missionId:guid}/ceremonies"] = Kind.Page,
        ["* missions/{missionId:guid}/follow-up"] = Kind.Page,
        ["* missions/{missionId:guid}/report"] = Kind.Page,
        ["* missions/{missionId:guid}/ceremonies/{ceremonyId:guid}"] = Kind.Page,
        ["* missions/{missionId:guid}/delegation"] = Kind.Page,
        ["* missions/{missionId:guid}/documents"] = Kind.Page,
        ["* missions/{missionId:guid}/edit"] = Kind.Page,
        ["* missions/{missionId:guid}/emails/{template?}"] = Kind.Page,
        ["* missions/{missionId:guid}/form"] = Kind.Page,
        ["* missions/{missionId:guid}/invitations"] = Kind.Page,
        ["* missions/{missionId:guid}/outbox"] = Kind.Page,
        ["* missions/{missionId:guid}/programme"] = Kind.Page,
        ["* missions/{missionId:guid}/programme/{itemId}"] = Kind.Page,
        ["* missions/{missionId:guid}/team"] = Kind.Page,
        ["* missions/{missionId:guid}/venues/{venueId}"] = Kind.Page,
        ["* missions/{missionId:guid}/venues"] = Kind.Page,
        ["* missions/{missionId:guid}/visits/{visitId}"] = Kind.Page,
        ["* missions/{missionId:guid}/visits/plan"] = Kind.Page,
        ["* missions/{missionId:guid}/visits"] = Kind.Page,
        ["* r/{token}/itinerary"] = Kind.RegistrationLink,
        ["* r/{token}"] = Kind.RegistrationLink,
        ["* r/{token}/visits"] = Kind.RegistrationLink,
        ["* register/{missionId:guid}"] = Kind.Public,
    };

    [Fact]
    public async Task EveryEndpoint_ForEveryRole_AnswersAsItsRuleSays()
    {
        // Every caller here shares one address: the per-address limit on personal links is raised (its own test covers it).
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Auth:PersonalLinkRequestsPerMinute"] = "100000", ["Auth:PersonalLinkMissesPerMinute"] = "100000" });
        var world = await World.CreateAsync(app);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"], Pattern: e.RoutePattern.RawText!))
            .SelectMany(e => e.Methods.Select(m => (Method: m, e.Pattern))).ToList();

        var unruled = endpoints.Select(e => $"{e.Method} {e.Pattern}").Where(key => !Rules.ContainsKey(key) && !IsApiWrite(key)).ToList();
        unruled.Should().BeEmpty("every endpoint needs a rule in the authorisation matrix");

        var failures = new List<string>();
        var checkedCount = 0;
        // Writes by the organiser go last: they may change what the reads see.
        foreach (var role in Enum.GetValues<Role>().OrderBy(r => r == Role.Organiser))
        {
            foreach (var (method, pattern) in endpoints.OrderBy(e => e.Method is not ("GET" or "*")).ThenBy(e => e.Method == "DELETE"))
            {
                var key = $"{method} {pattern}";
                var kind = Rules.TryGetValue(key, out var rule) ? rule : Kind.ApiWrite;
                var verb = method == "*" ? "GET" : method;
                var (url, expected) = Expect(kind, role, verb, pattern, world);
                var response = await world.SendAsync(role, verb, url, kind);
                checkedCount++;
                if (!expected.Contains(response.StatusCode))
                {
                    failures.Add($"{role} {verb} {url} ({kind}): {(int)response.StatusCode}, expected {string.Join(" or ", expected.Select(s => (int)s))}");
                }
            }
        }

        failures.Should().BeEmpty();
        checkedCount.Should().BeGreaterThan(900, "about 120 endpoints × 8 roles");
    }

    [Fact]
    public async Task PersonalLinks_ShowOnlyTheirOwnersData()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var world = await World.CreateAsync(app);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var a = await client.GetStringAsync($"/r/{world.TokenA}");
        a.Should().Contain("Ann Alpha").And.NotContain("Bob Beta");
        var b = await client.GetStringAsync($"/r/{world.TokenB}");
        b.Should().Contain("Bob Beta").And.NotContain("Ann Alpha");
        var x = await client.GetStringAsync($"/h/{world.HostX}");
        (await client.GetAsync($"/h/{world.HostX}?handler=Csv&visit={world.VisitOfY}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "host X cannot read host Y's visitors");
        (await client.GetAsync($"/h/{world.HostX}?handler=Csv&visit={world.VisitOfX}")).StatusCode.Should().Be(HttpStatusCode.OK);
        x.Should().NotContain(world.VisitOfYTitle);
    }

    /// <summary>Hostile and malformed bodies: wrong types, huge and control-character strings, deep nesting, injection strings.</summary>
    private static readonly string[] HostileBodies =
    [
        "not json at all",
        "[]",
        "null",
        "{\"title\":",
        string.Concat(Enumerable.Repeat("{\"x\":", 300)) + "1" + new string('}', 300),
        """{"title": 12, "name": [], "email": {}, "startsAt": "yesterday", "capacity": "ten", "kind": "Nope", "windows": "x", "details": "y", "minutes": 1e308}""",
        $$"""{"title": "{{new string('x', 200_000)}}", "name": "{{new string('é', 100_000)}}", "email": "{{new string('a', 5000)}}@example.org", "csv": "{{new string('"', 50_000)}}"}""",
        """{"title": "\u0000\u0001\u001f\u202e", "name": "a\u0000b", "email": "x\r\nBcc: victim@example.org", "organisation": "\ud800"}""",
        """{"title": "'; DROP TABLE missions; --", "name": "Robert'); DELETE FROM registrations;--", "email": "' OR '1'='1@example.org", "roleRanks": "Minister=1; DROP TABLE x"}""",
        """{"title": "<script>alert(1)</script>", "name": "<img src=x onerror=alert(1)>", "organisation": "\"><svg onload=alert(1)>", "csv": "email,name\n=cmd|' /C calc'!A0,<b>x</b>"}""",
    ];

    [Fact]
    public async Task EveryApiWrite_WithHostileBodies_NeverFails_AndNeverWritesHalf()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Auth:PersonalLinkRequestsPerMinute"] = "100000", ["Auth:PersonalLinkMissesPerMinute"] = "100000" });
        var world = await World.CreateAsync(app);
        var writes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(e => e.Method is "POST" or "PUT" && e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();
        writes.Should().HaveCountGreaterThan(40);

        var failures = new List<string>();
        foreach (var (method, pattern) in writes)
        {
            var url = world.Fill(pattern, Role.Organiser, Kind.ApiWrite);
            foreach (var body in HostileBodies)
            {
                var before = await RowCountsAsync(app);
                var response = await world.SendRawAsync(Role.Organiser, method, url, body);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{method} {url} with {body[..Math.Min(body.Length, 40)]}: {status}");
                }
                else if (status >= 400 && await RowCountsAsync(app) is var after && after != before)
                {
                    failures.Add($"{method} {url} refused with {status} but changed the data: {before} → {after}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    /// <summary>Spreadsheets as they come: broken, huge, binary, hostile.</summary>
    private static IEnumerable<string> HostileCsvs()
    {
        yield return "";
        yield return "email,name";
        yield return "\uFEFF\uFEFFemail;name\r\"unterminated@example.org;\"Quote";
        yield return "email,name\n" + string.Join(",", Enumerable.Repeat("x", 10_000)) + "\n";
        yield return "email,name\nlong@example.org," + new string('é', 60_000) + "\n";
        yield return "email,name\n\u0000\u0001@example.org,\u0000Nul\n";
        yield return "email,name\r" + string.Concat(Enumerable.Range(0, 200).Select(i => $"cr{i}@example.org,Only CR {i}\r"));
        yield return "email,name\n=cmd|' /C calc'!A0@example.org,=HYPERLINK(\"http://evil\")\n+1@example.org,@SUM(1)\n";
        yield return "email,name\n'; DROP TABLE invitations; --@example.org,<script>alert(1)</script>\n";
        yield return Encoding.Latin1.GetString(Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256)).ToArray());
        yield return string.Concat(Enumerable.Repeat("\"", 20_001));
        yield return "email,name\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"bulk{i}@example.org,Bulk {i}\n"));
    }

    [Fact]
    public async Task CsvImports_WithHostileSpreadsheets_NeverFail_AndAreAllOrNothing()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var world = await World.CreateAsync(app);
        var failures = new List<string>();
        foreach (var path in new[] { $"/api/v1/missions/{world.Mission}/invitations/import", $"/api/v1/missions/{world.Mission}/delegation/import", $"/api/v1/missions/{world.Mission}/travel/import" })
        {
            foreach (var csv in HostileCsvs())
            {
                var before = await RowCountsAsync(app);
                var response = await world.SendRawAsync(Role.Organiser, "POST", path, System.Text.Json.JsonSerializer.Serialize(new { csv }));
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{path} with a {csv.Length}-character CSV: {status}");
                }
                else if (status >= 400 && await RowCountsAsync(app) != before)
                {
                    failures.Add($"{path} refused a {csv.Length}-character CSV with {status} but changed the data");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task EveryApiRead_WithHostileQueryStrings_NeverFails()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var world = await World.CreateAsync(app);
        var reads = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Contains("GET") && e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(e => e.RoutePattern.RawText!).ToList();
        var queries = new[]
        {
            "?status=NotAStatus&search=%00%27%3B%20DROP%20TABLE%20missions%3B--&take=-1",
            "?take=99999999999999999999&status=&sector=%3Cscript%3E&organisation=" + new string('x', 5000),
            "?kind=..%2F..%2Fetc%2Fpasswd&run=not-a-guid&file=%2Fetc%2Fpasswd",
        };
        var failures = new List<string>();
        foreach (var pattern in reads)
        {
            foreach (var query in queries)
            {
                var url = world.Fill(pattern, Role.Organiser, Kind.ApiRead) + query;
                var response = await world.SendAsync(Role.Organiser, "GET", url, Kind.ApiRead);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {url[..Math.Min(url.Length, 120)]}: {(int)response.StatusCode}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task HostileText_IsEncodedOnPages()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var world = await World.CreateAsync(app);
        const string Attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var venue = await world.SendRawAsync(Role.Organiser, "POST", $"/api/v1/missions/{world.Mission}/venues", $$"""{"name": "{{Attack.Replace("'", "\u0027")}}", "kind": "Lab"}""");
        venue.StatusCode.Should().Be(HttpStatusCode.Created);
        var page = await (await world.SendAsync(Role.Organiser, "GET", $"/missions/{world.Mission}/venues", Kind.Page)).Content.ReadAsStringAsync();
        page.Should().Contain("&lt;script&gt;").And.NotContain("<script>alert").And.NotContain("<img src=x");
    }

    /// <summary>Rows per table (Quartz's own tables aside), as one comparable string.</summary>
    private static Task<string> RowCountsAsync(AppFactory app) => app.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'qrtz%' AND name NOT LIKE 'sqlite%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new StringBuilder();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Append(table).Append('=').Append(await count.ExecuteScalarAsync()).Append(' ');
        }

        return counts.ToString();
    });

    private static bool IsApiWrite(string key) => key.StartsWith("GET ", StringComparison.Ordinal) is false && key.Contains(" /api/v1/missions/{missionId:guid}", StringComparison.Ordinal);

    private static (string Url, HttpStatusCode[] Expected) Expect(Kind kind, Role role, string verb, string pattern, World w)
    {
        var url = w.Fill(pattern, role, kind);
        HttpStatusCode[] S(params HttpStatusCode[] codes) => codes;
        var ok = HttpStatusCode.OK;
        var linkHolder = role is Role.ParticipantA or Role.ParticipantB or Role.HostX or Role.HostY;
        var expected = kind switch
        {
            Kind.Public => S(ok, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Accepted, HttpStatusCode.Redirect),
            Kind.ApiAnyOrganiser => role is Role.Anonymous || linkHolder ? S(HttpStatusCode.Unauthorized)
                : verb == "GET" ? S(ok) : S(HttpStatusCode.BadRequest),
            Kind.ApiRead or Kind.ApiOrganiserRead => role switch
            {
                Role.Anonymous or Role.ParticipantA or Role.ParticipantB or Role.HostX or Role.HostY => S(HttpStatusCode.Unauthorized),
                Role.OrganiserOfAnotherMission => S(HttpStatusCode.NotFound),
                Role.Viewer when kind == Kind.ApiOrganiserRead => S(HttpStatusCode.Forbidden),
                _ when pattern.Contains("{runId:guid}") || pattern.Contains("{letterId:guid}") => S(HttpStatusCode.NotFound),
                _ => S(ok),
            },
            Kind.ApiWrite or Kind.OwnerWrite => role switch
            {
                Role.Anonymous or Role.ParticipantA or Role.ParticipantB or Role.HostX or Role.HostY => S(HttpStatusCode.Unauthorized),
                // A body that cannot be read is refused before anything is looked up: it reveals nothing.
                Role.OrganiserOfAnotherMission => S(HttpStatusCode.NotFound, HttpStatusCode.BadRequest),
                Role.Viewer => S(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest),
                // Status changes, deletion and the team are the owner's.
                _ when kind == Kind.OwnerWrite => S(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest),
                _ => S(ok, HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.NotFound,
                    HttpStatusCode.Conflict),
            },
            Kind.AnyOrganiserPage => role is Role.OrganiserOfAnotherMission or Role.Viewer or Role.Organiser ? S(ok) : S(HttpStatusCode.Redirect),
            // Viewers see every page of the mission (forms included: saving is refused by role).
            Kind.Page => role switch
            {
                Role.OrganiserOfAnotherMission => S(HttpStatusCode.NotFound),
                Role.Viewer or Role.Organiser => S(ok),
                _ => S(HttpStatusCode.Redirect),
            },
            // Checking people in is the organisers' job; to anyone else signed in the badge leads nowhere.
            Kind.CheckInLink => role switch
            {
                Role.Organiser => S(ok),
                Role.OrganiserOfAnotherMission or Role.Viewer => S(HttpStatusCode.NotFound),
                _ => S(HttpStatusCode.Redirect),
            },
            // Personal links: the holder's own link works; anyone else's token for that kind of link is "not found".
            Kind.RegistrationLink => role is Role.ParticipantA or Role.ParticipantB ? S(ok) : S(HttpStatusCode.NotFound),
            Kind.InvitationLink => role is Role.ParticipantA or Role.ParticipantB ? S(ok) : S(HttpStatusCode.NotFound),
            Kind.CalendarLink => role is Role.ParticipantA or Role.ParticipantB ? S(ok) : S(HttpStatusCode.NotFound),
            Kind.HostLink => role is Role.HostX or Role.HostY ? S(ok) : S(HttpStatusCode.NotFound),
            Kind.CeremonyLink => role is Role.Organiser ? S(ok) : S(HttpStatusCode.NotFound),
            Kind.CounterpartLink => role is Role.Organiser ? S(ok) : S(HttpStatusCode.NotFound),
            _ => throw new InvalidOperationException(kind.ToString()),
        };
        return (url, expected);
    }

    /// <summary>The demo mission with two participants, two hosts, a ceremony invitation, and the callers.</summary>
    private sealed class World
    {
        private readonly AppFactory app;
        private readonly Dictionary<Role, HttpClient> clients = [];

        private World(AppFactory app) => this.app = app;

        public Guid Mission { get; private set; }
        public string TokenA { get; private set; } = "";
        public string TokenB { get; private set; } = "";
        public string InvitationA { get; private set; } = "";
        public string InvitationB { get; private set; } = "";
        public string HostX { get; private set; } = "";
        public string HostY { get; private set; } = "";
        public string CeremonyToken { get; private set; } = "";
        public string CounterpartToken { get; private set; } = "";
        public Guid VisitOfX { get; private set; }
        public Guid VisitOfY { get; private set; }
        public string VisitOfYTitle { get; private set; } = "";
        private Dictionary<string, string> ids = [];
        private Guid registrationA;
        private Guid registrationB;

        public static async Task<World> CreateAsync(AppFactory app)
        {
            var w = new World(app);
            w.Mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
            await app.SendAsync(new ImportInvitationsCommand("email,name\nann@alpha.example,Ann Alpha\nbob@beta.example,Bob Beta\n") { MissionId = w.Mission });
            var invitations = (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "invitation").Select(m => m.TextBody).ToListAsync()))
                .ToDictionary(b => b.Contains("Ann Alpha") ? "A" : "B", b => EmailLinks.TokenOf(b, LinkKind.Invitation));
            (w.InvitationA, w.InvitationB) = (invitations["A"], invitations["B"]);
            w.TokenA = (await app.SendAsync(new RegisterByInvitationCommand(w.InvitationA,
                new RegistrationDetails("Ann Alpha", "Alpha BV", Domain.Missions.Sector.Industry, DelegationRole.Member, true)))).Token!;
            w.TokenB = (await app.SendAsync(new RegisterByInvitationCommand(w.InvitationB,
                new RegistrationDetails("Bob Beta", "Beta BV", Domain.Missions.Sector.Academia, DelegationRole.Member, true)))).Token!;
            w.registrationA = await app.QueryAsync(db => db.Registrations.Where(r => r.Name == "Ann Alpha").Select(r => r.Id).SingleAsync());
            w.registrationB = await app.QueryAsync(db => db.Registrations.Where(r => r.Name == "Bob Beta").Select(r => r.Id).SingleAsync());

            await app.SendAsync(new RunVisitSchedulingCommand(w.Mission));
            await app.SendAsync(new SendHostRequestsCommand(w.Mission));
            var hostLinks = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "host-request").Select(m => new { m.ToAddress, m.TextBody }).ToListAsync());
            string HostToken(string email) => EmailLinks.TokenOf(hostLinks.Single(h => h.ToAddress == email).TextBody, LinkKind.Host);
            (w.HostX, w.HostY) = (HostToken("paragraf.host@example.org"), HostToken("nanoprint.host@example.org"));
            var visits = await app.QueryAsync(db => db.Visits.ToListAsync());
            w.VisitOfX = visits.Single(v => v.Title.Contains("Paragraf")).Id;
            var y = visits.Single(v => v.Title.Contains("NanoPrint"));
            (w.VisitOfY, w.VisitOfYTitle) = (y.Id, y.Title);

            var ceremony = (await app.SendAsync(new ListCeremoniesQuery(w.Mission))).Single().Id;
            await app.SendAsync(new AskCeremonyConfirmationsCommand(w.Mission, ceremony));
            w.CeremonyToken = Regex.Match(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "ceremony-confirmation").Select(m => m.TextBody).FirstAsync()),
                @"/s/([A-Za-z0-9_\-]+)").Groups[1].Value;

            var counterpart = await app.SendAsync(new Features.Meetings.AddCounterpartCommand("Sam Patel", "sam@counterpart.example", "Rolls-Royce",
                Domain.Missions.Sector.Industry)
            { MissionId = w.Mission });
            await app.SendAsync(new Features.Meetings.InviteCounterpartsCommand() { MissionId = w.Mission });
            w.CounterpartToken = Regex.Match(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "counterpart-invitation").Select(m => m.TextBody).FirstAsync()),
                @"/m/([A-Za-z0-9_\-]+)").Groups[1].Value;

            var action = await app.SendAsync(new Features.FollowUp.AddFollowUpActionCommand("Share the mission report", null, "Topsector ICT",
                "marieke@topsector.example", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60))
            { MissionId = w.Mission });
            // A survey both participants were asked (as the survey job records it), so that their survey pages open.
            var survey = await app.SendAsync(new Features.Surveys.CreateSurveyCommand("How was the mission?",
                Questions: [new(Domain.Surveys.SurveyQuestionKind.Rating, "Your rating")])
            { MissionId = w.Mission });
            await app.QueryAsync(db =>
            {
                db.SurveyRecipients.AddRange(new Domain.Surveys.SurveyRecipient(survey, w.registrationA, DateTime.UtcNow),
                    new Domain.Surveys.SurveyRecipient(survey, w.registrationB, DateTime.UtcNow));
                return db.SaveChangesAsync();
            });
            var hub = await app.SendAsync(new Features.Travel.AddTravelHubCommand("London Heathrow", "LHR", Domain.Travel.HubKind.Airport, "Europe/London")
            { MissionId = w.Mission });
            var venueId = await app.QueryAsync(db => db.Venues.Select(v => v.Id).FirstAsync());
            var start = await app.QueryAsync(db => db.Missions.Where(m => m.Id == w.Mission).Select(m => m.StartDate).FirstAsync());
            var hotel = await app.SendAsync(new Features.Venues.CreateVenueCommand("Hotel Russell", "Russell Square", "London", Domain.Missions.VenueKind.Hotel, null, null)
            { MissionId = w.Mission });
            var block = await app.SendAsync(new Features.Rooms.AddRoomBlockCommand(hotel, null, Domain.Travel.RoomType.Twin, false, start.AddDays(-1), start, 5, null, null,
                start.AddDays(-20), null)
            { MissionId = w.Mission });
            w.ids = new Dictionary<string, string>
            {
                ["actionId"] = action.ToString(),
                ["blockId"] = block.ToString(),
                ["surveyId"] = survey.ToString(),
                ["hubId"] = hub.ToString(),
                ["serviceId"] = (await app.SendAsync(new Features.Travel.AddTransferServiceCommand(hub, Domain.Travel.TransferDirection.FromHub, "Heathrow to the hotel",
                    "Hotel Russell", "Arrivals hall", 8, 45, 45)
                { MissionId = w.Mission })).ToString(),
                ["direction"] = "Arrival",
                ["counterpartId"] = counterpart.ToString(),
                ["meetingId"] = Guid.NewGuid().ToString(),
                ["missionId"] = w.Mission.ToString(),
                ["venueId"] = venueId.ToString(),
                ["itemId"] = (await app.QueryAsync(db => db.ProgrammeItems.Select(v => v.Id).FirstAsync())).ToString(),
                ["organiserId"] = Guid.NewGuid().ToString(),
                ["invitationId"] = (await app.QueryAsync(db => db.Invitations.Select(v => v.Id).FirstAsync())).ToString(),
                ["messageId"] = (await app.QueryAsync(db => db.OutboxMessages.Select(v => v.Id).FirstAsync())).ToString(),
                ["registrationId"] = w.registrationB.ToString(),
                ["questionId"] = Guid.NewGuid().ToString(),
                ["runId"] = Guid.NewGuid().ToString(),
                ["letterId"] = Guid.NewGuid().ToString(),
                ["file"] = "booklet.pdf",
                ["hostId"] = (await app.QueryAsync(db => db.VisitHosts.Select(v => v.Id).FirstAsync())).ToString(),
                ["visitId"] = w.VisitOfX.ToString(),
                ["ceremonyId"] = ceremony.ToString(),
                ["personId"] = (await app.QueryAsync(db => db.CeremonyPeople.Select(v => v.Id).FirstAsync())).ToString(),
                ["lineId"] = (await app.QueryAsync(db => db.RunOfShowLines.Select(v => v.Id).FirstAsync())).ToString(),
                ["taskId"] = (await app.QueryAsync(db => db.CeremonyTasks.Select(v => v.Id).FirstAsync())).ToString(),
                ["kind"] = "RunOfShow",
                ["template"] = "invitation",
                ["documentName"] = "v1",
            };

            // A B2B session with its slots set, for the routes that print one.
            var day = await app.QueryAsync(db => db.Missions.Where(m => m.Id == w.Mission).Select(m => m.StartDate).SingleAsync());
            var b2b = await app.SendAsync(new Features.Programme.CreateProgrammeItemCommand("Matchmaking", null, Domain.Missions.ProgrammeItemKind.B2BMeetings,
                day.ToDateTime(new TimeOnly(7, 0)), day.ToDateTime(new TimeOnly(8, 0)), null, null, true)
            { MissionId = w.Mission });
            await app.SendAsync(new Features.Meetings.ConfigureMeetingSessionCommand(w.Mission, b2b, 20, 0, 2));
            w.ids["sessionId"] = b2b.ToString();

            var organiser = await app.AddOrganiserAsync("org@example.org");
            await app.GrantAsync(w.Mission, organiser.OrganiserId, MissionRoleKind.Organiser);
            var viewer = await app.AddOrganiserAsync("viewer@example.org");
            await app.GrantAsync(w.Mission, viewer.OrganiserId, MissionRoleKind.Viewer);
            var other = await app.AddOrganiserAsync("other@example.org");
            await app.SendAsync(new Features.Missions.CreateMissionCommand("Other mission", null, "Germany", "Berlin", "Europe/Berlin",
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(92)));
            var tokens = new Dictionary<Role, Features.Organisers.AddedOrganiser> { [Role.Organiser] = organiser, [Role.Viewer] = viewer, [Role.OrganiserOfAnotherMission] = other };
            foreach (var role in Enum.GetValues<Role>())
            {
                var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                if (tokens.TryGetValue(role, out var who))
                {
                    var session = new WebSession(app);
                    await session.SignInAsync(who.SignInToken);
                    client = session.Client;
                }

                w.clients[role] = client;
            }

            w.bearer = tokens.ToDictionary(t => t.Key, t => t.Value.ApiToken);
            return w;
        }

        private Dictionary<Role, string> bearer = [];

        /// <summary>The route with real ids, and for personal links the token the role holds (or one of another kind).</summary>
        public string Fill(string pattern, Role role, Kind kind)
        {
            var token = (kind, role) switch
            {
                (Kind.RegistrationLink, Role.ParticipantA) => TokenA,
                (Kind.RegistrationLink, Role.ParticipantB) => TokenB,
                (Kind.InvitationLink, Role.ParticipantA) => InvitationA,
                (Kind.InvitationLink, Role.ParticipantB) => InvitationB,
                (Kind.CalendarLink, Role.ParticipantA) => Calendar(registrationA),
                (Kind.CalendarLink, Role.ParticipantB) => Calendar(registrationB),
                (Kind.HostLink, Role.HostX) => HostX,
                (Kind.HostLink, Role.HostY) => HostY,
                (Kind.CeremonyLink, Role.Organiser) => CeremonyToken,
                (Kind.CounterpartLink, Role.Organiser) => CounterpartToken,
                (Kind.CheckInLink, _) => CheckIn(registrationA),
                // Someone else's kind of link, or a guess: a host's token on a participant's route and the like.
                (_, Role.HostX) => HostX,
                (_, Role.ParticipantA) => TokenA,
                (_, Role.ParticipantB) => kind == Kind.HostLink ? TokenB : HostY,
                _ => "guess" + Guid.NewGuid().ToString("N"),
            };
            var url = "/" + RouteParameter().Replace(pattern.TrimStart('/'), m => m.Groups[1].Value == "token" ? token : ids[m.Groups[1].Value]);
            return url.EndsWith("/", StringComparison.Ordinal) && url.Length > 1 ? url.TrimEnd('/') : url;
        }

        public async Task<HttpResponseMessage> SendAsync(Role role, string verb, string url, Kind kind)
        {
            var client = clients[role];
            using var request = new HttpRequestMessage(new HttpMethod(verb), url);
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                // The API takes bearer tokens; a participant or host tries their personal link's token.
                var token = bearer.TryGetValue(role, out var t) ? t
                    : role is Role.ParticipantA ? TokenA : role is Role.ParticipantB ? TokenB : role is Role.HostX ? HostX : role is Role.HostY ? HostY : null;
                client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (verb != "GET" && verb != "DELETE")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
            }

            return await client.SendAsync(request);
        }

        public async Task<HttpResponseMessage> SendRawAsync(Role role, string verb, string url, string body)
        {
            using var request = new HttpRequestMessage(new HttpMethod(verb), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer[role]);
            return await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);
        }

        private string Calendar(Guid registration) => app.Services.GetRequiredService<CalendarLinks>().Token(registration) + ".ics";

        private string CheckIn(Guid registration) => app.Services.GetRequiredService<CheckInLinks>().Url(registration).Split("/k/")[1];
    }

    [GeneratedRegex(@"\{(\w+)(?::\w+)?\??\}")]
    private static partial Regex RouteParameter();
}
