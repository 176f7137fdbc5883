using System.Net;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Api;

public sealed class ProgrammeApiTests
{
    [Theory, AllDatabases]
    public async Task VenuesAndItems_CanBeCreatedListedUpdatedAndDeleted(DatabaseProvider provider)
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
        var venues = $"/api/v1/missions/{id}/venues";
        var items = $"/api/v1/missions/{id}/programme-items";

        var venue = await api.PostJsonAsync(venues, new { name = "Cleanroom", address = "9 JJ Thomson Avenue", city = "Cambridge", kind = "Lab", latitude = 52.21, longitude = 0.09 });
        venue.StatusCode.Should().Be(HttpStatusCode.Created);
        var venueId = (string)(await venue.ReadAsync())["id"]!;

        var item = await api.PostJsonAsync(items, new
        {
            title = "Lab tour: cleanroom",
            kind = "LabTour",
            startsAt = "2027-06-08T10:30:00",
            endsAt = "2027-06-08T12:30:00",
            venueId,
            capacity = 6,
            allowsParallel = true,
            dressCode = "Closed shoes",
            contact = "Dr Jane Smith",
        });
        item.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await item.ReadAsync();
        ((string)created["dressCode"]!).Should().Be("Closed shoes");
        ((string)created["contact"]!).Should().Be("Dr Jane Smith");
        ((string)created["startsAt"]!).Should().Be("2027-06-08T10:30:00+01:00", "shown in mission time, with its offset");
        ((string)created["venueName"]!).Should().Be("Cleanroom");
        var itemId = (string)created["id"]!;

        var moved = await api.PutJsonAsync($"{items}/{itemId}", new
        {
            title = "Lab tour: cleanroom",
            kind = "LabTour",
            startsAt = "2027-06-08T13:00:00Z",
            endsAt = "2027-06-08T15:00:00Z",
            venueId,
            capacity = 8,
            allowsParallel = true,
            version = 0,
        });
        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)(await moved.ReadAsync())["startsAt"]!).Should().Be("2027-06-08T14:00:00+01:00", "an instant given in UTC is kept");

        (await api.DeleteAsync($"{venues}/{venueId}")).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the venue is in use");
        (await api.DeleteAsync($"{items}/{itemId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await api.GetAsync($"{items}/{itemId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.DeleteAsync($"{venues}/{venueId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await api.GetAsync(venues)).ReadAsync()).AsArray().Should().BeEmpty();
    }

    [Theory, AllDatabases]
    public async Task InvalidItems_Are400_NamingTheField(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (api, _) = await app.ApiClientAsync("ann@example.org");
        var id = (string)(await (await api.PostJsonAsync("/api/v1/missions", new
        {
            title = "Mission",
            hostCountry = "United Kingdom",
            hostCity = "London",
            timeZoneId = "Europe/London",
            startDate = "2027-06-07",
            endDate = "2027-06-10",
        })).ReadAsync())["id"]!;
        var items = $"/api/v1/missions/{id}/programme-items";

        async Task<IReadOnlyList<string>> Fields(object body)
        {
            var response = await api.PostJsonAsync(items, body);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            return await response.ErrorFieldsAsync();
        }

        (await Fields(new { title = "Late", kind = "Talk", startsAt = "2027-06-11T09:00:00", endsAt = "2027-06-11T10:00:00" }))
            .Should().Equal("startsAt");
        (await Fields(new { title = "Backwards", kind = "Talk", startsAt = "2027-06-08T10:00:00", endsAt = "2027-06-08T09:00:00" }))
            .Should().Equal("endsAt");
        (await Fields(new { title = "Unknown kind", kind = "Karaoke", startsAt = "2027-06-08T09:00:00", endsAt = "2027-06-08T10:00:00" }))
            .Should().Equal("kind");
        (await Fields(new { title = "Nowhere", kind = "Talk", startsAt = "2027-06-08T09:00:00", endsAt = "2027-06-08T10:00:00", venueId = Guid.NewGuid() }))
            .Should().Equal("venueId");
        (await Fields(new { title = new string('t', 201), kind = "Talk", startsAt = "2027-06-08T09:00:00", endsAt = "2027-06-08T10:00:00", capacity = 0 }))
            .Should().BeEquivalentTo(["title", "capacity"]);

        (await (await api.GetAsync(items)).ReadAsync()).AsArray().Should().BeEmpty();
    }
}
