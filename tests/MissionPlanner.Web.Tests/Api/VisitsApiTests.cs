using System.Net;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Api;

public sealed class VisitsApiTests
{
    [Theory, AllDatabases]
    public async Task HostsVisitsAndTheSchedule_WorkThroughTheApi_WithFieldNamedErrors_AndReadOnlyViewers(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (api, _) = await app.ApiClientAsync("ann@example.org");
        var id = (string)(await (await api.PostJsonAsync("/api/v1/missions", new
        {
            title = "Mission",
            hostCountry = "United Kingdom",
            hostCity = "Cambridge",
            timeZoneId = "Europe/London",
            startDate = "2027-06-07",
            endDate = "2027-06-10",
        })).ReadAsync())["id"]!;
        var venueId = (string)(await (await api.PostJsonAsync($"/api/v1/missions/{id}/venues", new { name = "Cleanroom", kind = "Lab" })).ReadAsync())["id"]!;

        var badHost = await api.PostJsonAsync($"/api/v1/missions/{id}/hosts", new { name = "Cavendish", contactName = "Jane", contactEmail = "not-an-email" });
        badHost.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badHost.ErrorFieldsAsync()).Should().Equal("contactEmail");
        var host = await api.PostJsonAsync($"/api/v1/missions/{id}/hosts", new { name = "Cavendish", contactName = "Jane", contactEmail = "jane@cam.example" });
        host.StatusCode.Should().Be(HttpStatusCode.Created);
        var hostId = (string)(await host.ReadAsync())["id"]!;

        object Visit(int min, int max, object[] windows) => new
        {
            hostId,
            venueId,
            title = "Cleanroom tour",
            kind = "LabTour",
            durationMinutes = 60,
            minGroupSize = min,
            maxGroupSize = max,
            windows,
            requirements = "Gowning, IdScreening",
            screeningLeadDays = 14,
        };
        var window = new { startsAt = "2027-06-08T10:00:00", endsAt = "2027-06-08T12:00:00" };
        var inverted = await api.PostJsonAsync($"/api/v1/missions/{id}/visits", Visit(6, 2, [window]));
        inverted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await inverted.ErrorFieldsAsync()).Should().Equal("minGroupSize");
        var noWindows = await api.PostJsonAsync($"/api/v1/missions/{id}/visits", Visit(1, 2, []));
        (await noWindows.ErrorFieldsAsync()).Should().Equal("windows");
        var created = await api.PostJsonAsync($"/api/v1/missions/{id}/visits", Visit(1, 6, [window]));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var visit = await created.ReadAsync();
        ((int)visit["groups"]!).Should().Be(2);
        ((string)visit["requirements"]!).Should().Be("Gowning, IdScreening");
        ((string)visit["windows"]![0]!["startsAt"]!).Should().StartWith("2027-06-08T10:00:00", "windows are shown in mission time");

        var run = await api.PostJsonAsync($"/api/v1/missions/{id}/visits/plan/run", new { });
        run.StatusCode.Should().Be(HttpStatusCode.OK);
        ((int)(await run.ReadAsync())["placed"]!).Should().Be(0, "nobody is registered yet");
        var publish = await api.PostJsonAsync($"/api/v1/missions/{id}/visits/plan/publish", new { });
        publish.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await publish.ErrorFieldsAsync()).Should().Equal("assignments");
        (await api.PutJsonAsync($"/api/v1/missions/{id}/visits/plan/lock", new { locked = true })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await api.GetAsync($"/api/v1/missions/{id}/visits/plan")).ReadAsync())["locked"]!.GetValue<bool>().Should().BeTrue();
        (await api.PostJsonAsync($"/api/v1/missions/{id}/hosts/requests", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var (vic, viewer) = await app.ApiClientAsync("vic@example.org");
        await app.GrantAsync(Guid.Parse(id), viewer.OrganiserId, MissionRoleKind.Viewer);
        (await vic.GetAsync($"/api/v1/missions/{id}/visits")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await vic.PostJsonAsync($"/api/v1/missions/{id}/visits/plan/run", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await vic.PostJsonAsync($"/api/v1/missions/{id}/hosts", new { name = "X", contactName = "Y", contactEmail = "y@x.example" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var (eve, _) = await app.ApiClientAsync("eve@example.org");
        (await eve.GetAsync($"/api/v1/missions/{id}/visits/plan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
