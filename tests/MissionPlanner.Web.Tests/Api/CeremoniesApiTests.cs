using System.Net;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Api;

public sealed class CeremoniesApiTests
{
    [Theory, AllDatabases]
    public async Task ACeremony_IsPlannedThroughTheApi_WithFieldNamedErrors_AndReadOnlyViewers(DatabaseProvider provider)
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
        var talk = (string)(await (await api.PostJsonAsync($"/api/v1/missions/{id}/programme-items", new
        {
            title = "Keynote",
            kind = "Talk",
            startsAt = "2027-06-07T10:00:00",
            endsAt = "2027-06-07T11:00:00",
            allowsParallel = false,
        })).ReadAsync())["id"]!;
        var signing = (string)(await (await api.PostJsonAsync($"/api/v1/missions/{id}/programme-items", new
        {
            title = "Signing ceremony",
            kind = "SigningCeremony",
            startsAt = "2027-06-07T15:30:00",
            endsAt = "2027-06-07T16:00:00",
            allowsParallel = false,
        })).ReadAsync())["id"]!;

        var notASigning = await api.PostJsonAsync($"/api/v1/missions/{id}/ceremonies", new { programmeItemId = talk });
        notASigning.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await notASigning.ErrorFieldsAsync()).Should().Equal("programmeItemId");
        var created = await api.PostJsonAsync($"/api/v1/missions/{id}/ceremonies", new { programmeItemId = signing });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var ceremony = await created.ReadAsync();
        var url = $"/api/v1/missions/{id}/ceremonies/{ceremony["id"]}";
        ceremony["runOfShow"]!.AsArray().Should().HaveCount(5);

        var party = (string)(await (await api.PostJsonAsync($"{url}/parties", new { name = "OPT/NET BV" })).ReadAsync())["id"]!;
        var unregistered = await api.PostJsonAsync($"{url}/people", new { role = "Signatory", name = "X", organisation = "Y", partyId = party });
        (await unregistered.ErrorFieldsAsync()).Should().Equal("registrationId");
        (await api.PostJsonAsync($"{url}/people", new { role = "Minister", name = "Minister M", organisation = "Ministry", speaks = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        var late = await api.PostJsonAsync($"{url}/tasks", new { title = "Flags", owner = "T", ownerEmail = "t@example.org", dueDate = "2027-06-08" });
        (await late.ErrorFieldsAsync()).Should().Equal("dueDate");
        var tooLong = await api.PostJsonAsync($"{url}/run-of-show", new { title = "Reception", gapBeforeMinutes = 0, minutes = 20 });
        (await tooLong.ErrorFieldsAsync()).Should().Equal("minutes");
        var view = await (await api.GetAsync(url)).ReadAsync();
        ((string)view["precedence"]![0]!).Should().Be("1. Minister M: rank 20 as minister");
        ((string)view["parties"]![0]!["name"]!).Should().Be("OPT/NET BV");

        var pdf = await api.GetAsync($"{url}/documents/RunOfShow");
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");

        var (vic, viewer) = await app.ApiClientAsync("vic@example.org");
        await app.GrantAsync(Guid.Parse(id), viewer.OrganiserId, MissionRoleKind.Viewer);
        (await vic.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await vic.PostJsonAsync($"{url}/parties", new { name = "Z" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var (eve, _) = await app.ApiClientAsync("eve@example.org");
        (await eve.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
