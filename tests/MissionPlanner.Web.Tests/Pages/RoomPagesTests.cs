using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Pages;

/// <summary>The Rooms page, the sharing wish on the registration form and the rooms API: errors beside the field, the room plan, the rooming list.</summary>
public sealed class RoomPagesTests
{
    [Theory, AllDatabases]
    public async Task Delegates_ask_to_share_an_organiser_adds_a_block_proposes_rooms_and_downloads_the_rooming_list(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var ann = await app.AddOrganiserAsync("ann@example.org");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London", start, start.AddDays(1)));
        await app.GrantAsync(mission, ann.OrganiserId, MissionRoleKind.Organiser);
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        await app.SendAsync(new ImportDelegatesCommand("email,name,organisation,sector\nzoe@example.org,Zoë Visser,TU Delft,Academia\nsam@example.org,Sam O'Brien,QuTech,Academia\n")
        { MissionId = mission });
        var hotel = await app.SendAsync(new CreateVenueCommand("Hotel Russell", "1–8 Russell Square", "London", VenueKind.Hotel, null, null) { MissionId = mission });

        // Each delegate asks for a room on their registration page and names the other.
        foreach (var (email, name, other) in new[] { ("zoe@example.org", "Zoë Visser", "sam@example.org"), ("sam@example.org", "Sam O'Brien", "Zoë Visser") })
        {
            var token = EmailLinks.TokenOf(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.TextBody).FirstAsync()),
                LinkKind.Registration);
            var person = new WebSession(app);
            var saved = await person.SubmitAsync($"/r/{token}", new Dictionary<string, string>
            {
                ["Input.Name"] = name,
                ["Input.Organisation"] = "TU Delft",
                ["Input.Sector"] = "Academia",
                ["Input.Role"] = "Member",
                ["Input.ConsentProcessing"] = "true",
                ["Input.AccommodationNeeded"] = "true",
                ["Input.RoomSharing"] = other,
            }, handler: "Update");
            saved.StatusCode.Should().Be(HttpStatusCode.Redirect, person.LastHtml);
            await person.GetAsync($"/r/{token}");
            person.LastHtml.Should().Contain($"name=\"Input.RoomSharing\" value=\"{other}\"", "the wish is kept on the form");
        }

        var organiser = new WebSession(app);
        await organiser.SignInAsync(ann.SignInToken);
        var page = $"/missions/{mission}/rooms";
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("No block yet").And.Contain("Zoë Visser asked for accommodation and has no room.");

        var block = new Dictionary<string, string>
        {
            ["Block.HotelId"] = hotel.ToString(),
            ["Block.Name"] = "Twin rooms",
            ["Block.RoomType"] = "Twin",
            ["Block.FirstNight"] = start.AddDays(-1).ToString("yyyy-MM-dd"),
            ["Block.LastNight"] = start.ToString("yyyy-MM-dd"),
            ["Block.RoomsHeld"] = "2",
            ["Block.Rate"] = "189.50",
            ["Block.Currency"] = "GBP",
            ["Block.ReleaseDate"] = start.AddDays(3).ToString("yyyy-MM-dd"),
            ["Block.BookingReference"] = "GRP-48213",
        };
        (await organiser.SubmitAsync(page, block, "Block")).StatusCode.Should().Be(HttpStatusCode.OK);
        organiser.LastHtml.Should().Contain("The release date is on or before the first night");
        organiser.FieldError("Block.ReleaseDate").Should().Contain("on or before the first night", "the error stands beside its field");
        (await app.QueryAsync(db => db.RoomBlocks.CountAsync())).Should().Be(0);
        block["Block.ReleaseDate"] = start.AddDays(-21).ToString("yyyy-MM-dd");
        (await organiser.SubmitAsync(page, block, "Block")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);

        // A refused change of the block keeps what was typed in that block's form, with its error once, and leaves the "add" form as it was.
        var existing = await app.QueryAsync(db => db.RoomBlocks.Select(b => b.Id).SingleAsync());
        var change = new Dictionary<string, string>(block)
        {
            ["Block.Id"] = existing.ToString(),
            ["Block.Version"] = "0",
            ["Block.RoomsHeld"] = "7",
            ["Block.ReleaseDate"] = start.AddDays(4).ToString("yyyy-MM-dd")
        };
        (await organiser.SubmitAsync(page, change, "Block")).StatusCode.Should().Be(HttpStatusCode.OK);
        System.Text.RegularExpressions.Regex.Matches(organiser.LastHtml, $"id=\"b{existing:N}_RoomsHeld\"").Count.Should().Be(1, "ids stay unique");
        organiser.LastHtml.Should().Contain($"id=\"b{existing:N}_RoomsHeld\" name=\"Block.RoomsHeld\" type=\"number\" min=\"1\" max=\"1000\" value=\"7\"");
        System.Text.RegularExpressions.Regex.Matches(organiser.LastHtml, "data-valmsg-for=\"Block.ReleaseDate\"").Count.Should().Be(1);
        organiser.LastHtml.Should().Contain("id=\"Block_RoomsHeld\" name=\"Block.RoomsHeld\" type=\"number\" min=\"1\" max=\"1000\" value=\"10\"");

        (await organiser.SubmitAsync(page, new Dictionary<string, string>(), "Propose")).StatusCode.Should().Be(HttpStatusCode.Redirect, organiser.LastHtml);
        await organiser.GetAsync(page);
        organiser.LastHtml.Should().Contain("Room plan: rooms by night").And.Contain("Sam O&#x27;Brien, Zoë Visser").And.Contain("189.50 GBP per room and night")
            .And.Contain("2 of 2 placed");
        var csv = await (await organiser.Client.GetAsync(page + "?handler=RoomingList&format=Csv")).Content.ReadAsStringAsync();
        csv.Should().Contain($"Hotel Russell,GRP-48213,Twin,1,Sam O'Brien,TU Delft,{start.AddDays(-1):yyyy-MM-dd},{start.AddDays(1):yyyy-MM-dd},2,Zoë Visser,");

        // The API: the block with its per-night use; a third person in a full twin room is refused naming the room.
        var (api, _) = await app.ApiClientAsync("api@example.org");
        await app.GrantAsync(mission, (await app.QueryAsync(db => db.Organisers.SingleAsync(o => o.Email == "api@example.org"))).Id, MissionRoleKind.Organiser);
        var rooms = await api.GetFromJsonAsync<JsonObject>($"/api/v1/missions/{mission}/rooms");
        var use = rooms!["blocks"]![0]!["use"]!.AsArray();
        use.Select(u => (int)u!["used"]!).Should().Equal(1, 1);
        var zoe = (string)rooms["needs"]!.AsArray().Single(n => (string)n!["name"]! == "Zoë Visser")!["registrationId"]!;
        var blockId = (string)rooms["blocks"]![0]!["id"]!;
        var moved = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/rooms/assignments", new { registrationId = zoe, blockId, room = 3 });
        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await api.GetFromJsonAsync<JsonObject>($"/api/v1/missions/{mission}/rooms"))!["warnings"]!.AsArray().Select(w => (string)w!)
            .Should().Contain("Hotel Russell · Twin rooms: room 3 is beyond the 2 rooms held: ask the hotel for it, or move its guests to a free room.")
            .And.Contain("Zoë Visser asked to share with Sam O'Brien, and they are in different rooms.");
        var zero = await api.PostAsJsonAsync($"/api/v1/missions/{mission}/rooms/blocks", new
        {
            hotelId = hotel,
            roomType = "Single",
            firstNight = start.AddDays(-1),
            lastNight = start,
            roomsHeld = 0,
            releaseDate = start.AddDays(-10),
        });
        zero.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await zero.Content.ReadAsStringAsync()).Should().Contain("roomsHeld");
        (await api.GetAsync($"/api/v1/missions/{mission}/rooms/rooming-list.csv?hotelId={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "a hotel that is not the mission's");
        // No body, or the JSON null: a 400 that says what to send, not the handler's parameter.
        foreach (var body in new[] { "null", "" })
        {
            var empty = await api.PostAsync($"/api/v1/missions/{mission}/rooms/blocks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await empty.Content.ReadAsStringAsync()).Should().Contain("Send the fields as a JSON object in the request body").And.NotContain("AddRoomBlockCommand");
        }
    }
}
