using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

/// <summary>The Travel page, a delegate's own travel page and the travel API: errors beside the field, the manifest and its download.</summary>
public sealed class TravelPagesTests
{
    [Theory, AllDatabases]
    public async Task An_organiser_adds_places_a_delegate_gives_their_arrival_and_the_manifest_and_conflicts_show(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London", start, start.AddDays(1)));
        await app.GrantAsync(mission, ann.OrganiserId, MissionRoleKind.Organiser);
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        await app.SendAsync(new CreateProgrammeItemCommand("Bilateral symposium", null, ProgrammeItemKind.SymposiumSession,
            start.ToDateTime(new TimeOnly(9, 0)), start.ToDateTime(new TimeOnly(17, 0)), null, null, false)
        { MissionId = mission });
        await app.SendAsync(new ImportDelegatesCommand("email,name,organisation,sector,phone\nzoe@example.org,Zoë Visser,TU Delft,Academia,+31 6 1234 5678\n")
        { MissionId = mission });
        var token = EmailLinks.TokenOf(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "zoe@example.org").Select(m => m.TextBody).FirstAsync()),
            LinkKind.Registration);
        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);
        var page = $"/missions/{mission}/travel";

        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("None yet").And.Contain("value=\"Europe/London\"", "the mission's zone is offered");
        (await organiser.SubmitAsync(page, new Dictionary<string, string> { ["Hub.Name"] = "London Heathrow", ["Hub.Code"] = "LHR", ["Hub.Kind"] = "0", ["Hub.TimeZoneId"] = "Europe/Londres" },
            "Hub")).StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.FieldError("Hub.TimeZoneId").Should().Contain("not a known IANA time zone");
        (await organiser.SubmitAsync(page, new Dictionary<string, string> { ["Hub.Name"] = "London Heathrow", ["Hub.Code"] = "LHR", ["Hub.Kind"] = "0", ["Hub.TimeZoneId"] = "Europe/London" },
            "Hub")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);

        // The delegate gives their arrival on their own page: a flight without its number is refused beside the field.
        var delegatePage = $"/r/{token}/travel";
        var zoe = new WebSession(app);
        await zoe.GetAsync(delegatePage);
        zoe.LastHtml.Should().Contain("Your arrival").And.Contain("London Heathrow (LHR)");
        var hub = zoe.LastHtml.Split("<option value=\"")[1..].Select(o => o.Split('"')[0]).First(v => Guid.TryParse(v, out _));
        var arrival = new Dictionary<string, string>
        {
            ["Input.Direction"] = "Arrival",
            ["Input.Mode"] = "Flight",
            ["Input.Carrier"] = "KLM",
            ["Input.Number"] = "",
            ["Input.HubId"] = hub,
            ["Input.OtherEnd"] = "Amsterdam Schiphol (AMS)",
            ["Input.ScheduledLocal"] = start.ToDateTime(new TimeOnly(10, 35)).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.ShareMobile"] = "true",
        };
        (await zoe.SubmitAsync(delegatePage, arrival)).StatusCode.Should().Be(HttpStatusCode.OK);
        zoe.FieldError("InputArrival.Number").Should().Contain("Give the flight number");
        arrival["Input.Number"] = "KL 1007";
        (await zoe.SubmitAsync(delegatePage, arrival)).StatusCode.Should().Be(HttpStatusCode.Redirect, zoe.LastHtml);
        await zoe.GetAsync(delegatePage);
        zoe.LastHtml.Should().Contain("Your arrival is saved.").And.Contain("value=\"KL1007\"").And.Contain("after &#x27;Bilateral symposium&#x27; starts");

        // The organiser sees it, with the conflict, and the manifest with the shared mobile.
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("1 conflict(s) with the programme").And.Contain("flight KLM KL1007 · London Heathrow (LHR)")
            .And.Contain("&#x2B;31 6 12345678", "the mobile Zoë shared, as Razor encodes it");
        var csv = await organiser.Client.GetAsync(page + "?handler=Manifest&format=Csv");
        (await csv.Content.ReadAsStringAsync()).Should().Contain("Zoë Visser").And.Contain("KLM KL1007").And.Contain("10:35");

        // A transfer from Heathrow: added, proposed, published; Zoë's itinerary shows her vehicle and where to meet it.
        (await organiser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Transfer.Name"] = "Heathrow to the hotel",
            ["Transfer.HubId"] = hub,
            ["Transfer.Direction"] = "FromHub",
            ["Transfer.Place"] = "Hotel Russell",
            ["Transfer.MeetingPoint"] = "Arrivals hall, Terminal 4",
            ["Transfer.VehicleCapacity"] = "0",
            ["Transfer.MaxWaitMinutes"] = "45",
            ["Transfer.BufferMinutes"] = "45",
        }, "Transfer")).StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.FieldError("Transfer.VehicleCapacity").Should().Contain("between 1 and 100");
        (await organiser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Transfer.Name"] = "Heathrow to the hotel",
            ["Transfer.HubId"] = hub,
            ["Transfer.Direction"] = "FromHub",
            ["Transfer.Place"] = "Hotel Russell",
            ["Transfer.MeetingPoint"] = "Arrivals hall, Terminal 4",
            ["Transfer.VehicleCapacity"] = "8",
            ["Transfer.MaxWaitMinutes"] = "45",
            ["Transfer.BufferMinutes"] = "45",
        }, "Transfer")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        var service = (await app.SendAsync(new MissionPlanner.Features.Travel.ListTransfersQuery(mission))).Single().Id.ToString();
        (await organiser.SubmitAsync(page, new Dictionary<string, string> { ["serviceId"] = service }, "Propose")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await organiser.SubmitAsync(page, new Dictionary<string, string> { ["serviceId"] = service }, "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("Published: each passenger").And.Contain("Zoë Visser <span class=\"muted\">(KLM KL1007, 10:35, waits 0 min)");
        await zoe.GetAsync($"/r/{token}/itinerary");
        zoe.LastHtml.Should().Contain("Transfer: Heathrow to the hotel, vehicle 1").And.Contain("meet at: Arrivals hall, Terminal 4")
            .And.Contain("You arrive: flight KLM KL1007 at London Heathrow (LHR)");

        // The API: the same rules, the field named.
        var (api, bob) = await app.ApiClientAsync("bob@example.org");
        await app.GrantAsync(mission, bob.OrganiserId, MissionRoleKind.Organiser);
        var registration = await app.QueryAsync(db => db.Registrations.Select(r => r.Id).SingleAsync());
        var late = await api.PutAsJsonAsync($"/api/v1/missions/{mission}/travel/{registration}/Departure", new
        {
            mode = "Train",
            carrier = "Eurostar",
            number = "9014",
            hubId = hub,
            scheduledLocal = start.ToDateTime(new TimeOnly(8, 0)),
        });
        late.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((JsonObject)(await late.ReadAsync())["errors"]!).Select(e => e.Key).Should().Equal("scheduledLocal");
        var manifest = await api.GetAsync($"/api/v1/missions/{mission}/travel/manifest");
        ((JsonArray)(await manifest.ReadAsync())!).Should().ContainSingle();
    }
}
