using System.Net;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Demo;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

public sealed class ProgrammePagesTests
{
    [Fact]
    public async Task ATimeTypedOnTheNightTheClocksGoBack_IsShownWithTheOffsetChosen_AndOneThatDoesNotExistIsRefusedWithTheNearestTimes()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var browser = new WebSession(app);
        await browser.SignInAsync((await app.AddOrganiserAsync("ann@example.org")).SignInToken);
        var created = await browser.SubmitAsync("/missions/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Autumn mission",
            ["Input.HostCountry"] = "United Kingdom",
            ["Input.HostCity"] = "London",
            ["Input.TimeZoneId"] = "Europe/London",
            ["Input.StartDate"] = "2027-10-30",
            ["Input.EndDate"] = "2027-10-31",
        });
        var missionUrl = created.Headers.Location!.ToString();
        Dictionary<string, string> Item(string starts, string ends) => new()
        {
            ["Input.Title"] = "Night walk",
            ["Input.Kind"] = "FreeTime",
            ["Input.StartsAt"] = starts,
            ["Input.EndsAt"] = ends,
        };

        (await browser.SubmitAsync($"{missionUrl}/programme/new", Item("2027-10-31T01:30", "2027-10-31T02:30"))).StatusCode.Should().Be(HttpStatusCode.Redirect, browser.LastHtml);
        await browser.GetAsync($"{missionUrl}/programme");

        WebUtility.HtmlDecode(browser.LastHtml).Should().Contain("01:30–02:30").And.Contain("Starts at the first 01:30, BST, UTC+01:00.");

        var spring = await browser.SubmitAsync("/missions/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Spring mission",
            ["Input.HostCountry"] = "United Kingdom",
            ["Input.HostCity"] = "London",
            ["Input.TimeZoneId"] = "Europe/London",
            ["Input.StartDate"] = "2027-03-27",
            ["Input.EndDate"] = "2027-03-28",
        });
        await browser.SubmitAsync($"{spring.Headers.Location}/programme/new", Item("2027-03-28T01:30", "2027-03-28T03:30"));
        browser.FieldError("Input.StartsAt").Should().Be("2027-03-28 01:30 does not exist in Europe/London: the clocks go forward that night. Choose 00:59 or 02:00.");
    }

    [Theory, AllDatabases]
    public async Task Organiser_CreatesAMission_AndAddsAnItem_ThroughTheForms(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var browser = new WebSession(app);
        await browser.SignInAsync((await app.AddOrganiserAsync("ann@example.org")).SignInToken);

        var created = await browser.SubmitAsync("/missions/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Photonics mission",
            ["Input.HostCountry"] = "Germany",
            ["Input.HostCity"] = "Berlin",
            ["Input.TimeZoneId"] = "Europe/Berlin",
            ["Input.StartDate"] = "2027-05-10",
            ["Input.EndDate"] = "2027-05-12",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, browser.LastHtml);
        var missionUrl = created.Headers.Location!.ToString();

        var added = await browser.SubmitAsync($"{missionUrl}/programme/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Opening keynote",
            ["Input.Kind"] = "Talk",
            ["Input.StartsAt"] = "2027-05-10T09:00",
            ["Input.EndsAt"] = "2027-05-10T09:45",
            ["Input.Capacity"] = "150",
            ["Input.Description"] = "Welcome",
        });
        added.StatusCode.Should().Be(HttpStatusCode.Redirect, browser.LastHtml);

        await browser.GetAsync($"{missionUrl}/programme");
        browser.LastHtml.Should().Contain("Opening keynote").And.Contain("09:00–09:45").And.Contain("Monday 10 May");
    }

    [Theory, AllDatabases]
    public async Task InvalidItems_ShowTheErrorNextToTheField_AndSaveNothing(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var missionId = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var ann = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(missionId, ann.OrganiserId, MissionRoleKind.Organiser);
        var browser = new WebSession(app);
        await browser.SignInAsync(ann.SignInToken);
        var before = await app.QueryAsync(db => Task.FromResult(db.ProgrammeItems.Count()));

        var response = await browser.SubmitAsync($"/missions/{missionId}/programme/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Kind"] = "Talk",
            ["Input.StartsAt"] = "2030-01-01T10:00",
            ["Input.EndsAt"] = "2030-01-01T09:00",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        browser.FieldError("Input.Title").Should().Contain("must not be empty");
        browser.FieldError("Input.EndsAt").Should().Be("The end must be after the start.");
        (await app.QueryAsync(db => Task.FromResult(db.ProgrammeItems.Count()))).Should().Be(before);
    }

    [Fact]
    public async Task Viewer_SeesTheProgramme_WithoutEditLinks_AndOutsidersGet404()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var missionId = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var vic = await app.AddOrganiserAsync("vic@example.org");
        await app.GrantAsync(missionId, vic.OrganiserId, MissionRoleKind.Viewer);
        var viewer = new WebSession(app);
        await viewer.SignInAsync(vic.SignInToken);
        var outsider = new WebSession(app);
        await outsider.SignInAsync((await app.AddOrganiserAsync("eve@example.org")).SignInToken);

        (await viewer.GetAsync($"/missions/{missionId}/programme")).StatusCode.Should().Be(HttpStatusCode.OK);
        viewer.LastHtml.Should().Contain("Signing ceremony: OPT/NET BV establishes its UK entity").And.NotContain("Add item");
        (await viewer.SubmitAsync($"/missions/{missionId}/venues/new", new Dictionary<string, string> { ["Input.Name"] = "Pub", ["Input.Kind"] = "Other" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        viewer.LastHtml.Should().Contain("needs the Organiser role");

        (await outsider.GetAsync($"/missions/{missionId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/missions/{missionId}/programme")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AVenuesOpeningHoursAndTravelTimes_AreSetInTheForms_AndTheProgrammeWarnsOfPlansThatCannotWork()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var mission = (await app.SendAsync(new SeedDemoMissionCommand()))!.Value;
        var organiser = await app.AddOrganiserAsync("ann@example.org");
        await app.GrantAsync(mission, organiser.OrganiserId, MissionRoleKind.Organiser);
        var browser = new WebSession(app);
        await browser.SignInAsync(organiser.SignInToken);

        (await browser.SubmitAsync($"/missions/{mission}/venues/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Night lab",
            ["Input.Address"] = "1 Lab Road",
            ["Input.City"] = "Cambridge",
            ["Input.Kind"] = "Lab",
            ["Input.OpensAt"] = "09:00",
            ["Input.ClosesAt"] = "17:00",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect, browser.LastHtml);
        var (api, bot) = await app.ApiClientAsync("bot@example.org");
        await app.GrantAsync(mission, bot.OrganiserId, MissionRoleKind.Organiser);
        var venues = (await (await api.GetAsync($"/api/v1/missions/{mission}/venues")).ReadAsync()).AsArray();
        var lab = (string)venues.Single(v => (string)v!["name"]! == "Night lab")!["id"]!;
        ((string)venues.Single(v => (string)v!["name"]! == "Night lab")!["opensAt"]!).Should().Be("09:00:00");
        var day = (string)(await (await api.GetAsync($"/api/v1/missions/{mission}")).ReadAsync())["startDate"]!;
        (await api.PostJsonAsync($"/api/v1/missions/{mission}/programme-items", new
        {
            title = "Late demo",
            kind = "LabTour",
            startsAt = $"{day}T19:00:00",
            endsAt = $"{day}T20:00:00",
            venueId = lab,
            allowsParallel = true,
        })).StatusCode.Should().Be(HttpStatusCode.Created);

        await browser.GetAsync($"/missions/{mission}/programme");
        browser.LastHtml.Should().Contain("&#x27;Late demo&#x27;").And.Contain("is outside the opening hours of Night lab (09:00–17:00)");
        var warnings = (await (await api.GetAsync($"/api/v1/missions/{mission}/programme-warnings")).ReadAsync()).AsArray();
        warnings.Should().ContainSingle(w => (string)w!["kind"]! == "OutsideOpeningHours");

        await browser.GetAsync($"/missions/{mission}/venues");
        var other = (string)venues.First(v => (string)v!["name"]! != "Night lab")!["id"]!;
        (await browser.PostAsync($"/missions/{mission}/venues?handler=TravelTime",
            new Dictionary<string, string> { ["fromVenueId"] = lab, ["toVenueId"] = other, ["minutes"] = "25" }, browser.AntiforgeryToken()))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        await browser.GetAsync($"/missions/{mission}/venues");
        browser.LastHtml.Should().Contain("25 minutes");
    }
}
