using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Rooms;
using MissionPlanner.Features.Travel;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Hotel rooms: blocks at hotels, rooms proposed from sharing wishes and travel, the rooming list, warnings and the release reminder.</summary>
public sealed class RoomTests
{
    private static readonly DateOnly D = new(2027, 1, 17);

    private static string Day(DateOnly d) => d.ToString("ddd d MMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public void The_planner_pairs_those_who_share_keeps_accessible_rooms_for_those_who_need_them_and_never_overfills_a_room()
    {
        var twin = new RoomPlanner.Block(Guid.NewGuid(), 2, false, D, D.AddDays(3), RoomsHeld: 1, SeparateBeds: true);
        var doubles = new RoomPlanner.Block(Guid.Empty, 2, false, D, D.AddDays(3), RoomsHeld: 1); // the lowest id: first on ties, were it not for the beds
        var single = new RoomPlanner.Block(Guid.NewGuid(), 1, false, D, D.AddDays(3), RoomsHeld: 2);
        var accessible = new RoomPlanner.Block(Guid.NewGuid(), 1, true, D, D.AddDays(3), RoomsHeld: 1);
        Guid P(int i) => new(i, 0, 0, new byte[8]);
        var parties = new List<RoomPlanner.Party>
        {
            new([P(1), P(2)], D, D.AddDays(2), false),
            new([P(3)], D, D.AddDays(2), false),
            new([P(4)], D, D.AddDays(2), true),
            new([P(5)], D.AddDays(2), D.AddDays(4), false), // after P(3) leaves: the same single room
            new([P(6)], D, D.AddDays(1), false),
            new([P(7)], D, D.AddDays(1), false), // singles full: alone in the double
        };

        var placed = RoomPlanner.Propose([doubles, twin, single, accessible], [], parties);

        string Where(int person) => placed.SingleOrDefault(p => p.Party.People.Contains(P(person))) is { } p
            ? $"{(p.BlockId == twin.Id ? "twin" : p.BlockId == doubles.Id ? "double" : p.BlockId == single.Id ? "single" : "accessible")} {p.Room}"
            : "none";
        Enumerable.Range(1, 7).Select(Where).Should().Equal("twin 1", "twin 1", "single 1", "accessible 1", "single 1", "single 2", "double 1");
    }

    [Theory, AllDatabases]
    public async Task Rooms_follow_sharing_wishes_and_travel_the_rooming_list_and_itinerary_show_them_and_mistakes_are_warned(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var eve = start.AddDays(-1);
        var scenario = await Scenario.MissionAsync(provider, start, days: 3);
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        await scenario.InviteAsync(6);
        var wishes = new Dictionary<string, string?> { ["Person 0"] = "Person 1", ["Person 1"] = "p0@example.org", ["Person 2"] = "Person 0", ["Person 5"] = null };
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, ConsentProcessing: true,
            Accessibility: name == "Person 3" ? "wheelchair user" : null, AccommodationNeeded: name != "Person 5")
        { RoomSharing = wishes.GetValueOrDefault(name) });
        var hotel = await app.SendAsync(new CreateVenueCommand("Hotel Russell", "1–8 Russell Square", "London", VenueKind.Hotel, null, null) { MissionId = mission });
        var lab = await app.SendAsync(new CreateVenueCommand("Imperial", "Exhibition Road", "London", VenueKind.University, null, null) { MissionId = mission });

        // Bad blocks: nothing is saved, and the field is named.
        async Task<string> Refused(AddRoomBlockCommand command)
        {
            var refused = await FluentActions.Awaiting(() => app.SendAsync(command with { MissionId = mission })).Should().ThrowAsync<Exception>();
            return refused.Which switch
            {
                DomainException d => d.Field,
                ValidationException v => string.Join(",", v.Errors.Select(x => x.PropertyName)),
                var other => other.GetType().Name,
            };
        }

        var good = new AddRoomBlockCommand(hotel, null, RoomType.Twin, false, eve, start, 1, 189m, "gbp", eve.AddDays(-30), "GRP-48213");
        (await Refused(good with { RoomsHeld = 0 })).Should().Be("RoomsHeld");
        (await Refused(good with { ReleaseDate = start.AddDays(5) })).Should().Be("ReleaseDate", "rooms are released before the first night");
        (await Refused(good with { LastNight = eve.AddDays(-1) })).Should().Be("LastNight");
        (await Refused(good with { HotelId = lab })).Should().Be("HotelId", "a block is at a venue of kind hotel");
        (await Refused(good with { Currency = "pounds" })).Should().Be("Currency");
        (await Refused(good with { Currency = "XYZ" })).Should().Be("Currency", "three letters, but no currency in use");
        (await Refused(good with { RoomType = (RoomType)9 })).Should().Be("RoomType");
        (await app.CountAsync<RoomBlock>()).Should().Be(0);

        var twins = await app.SendAsync(good with { MissionId = mission, Currency = " gbp " });
        var singles = await app.SendAsync(new AddRoomBlockCommand(hotel, "Singles", RoomType.Single, false, eve, start.AddDays(1), 2, null, null, eve.AddDays(-30), null)
        { MissionId = mission });
        var step = await app.SendAsync(new AddRoomBlockCommand(hotel, "Step-free", RoomType.Single, true, eve, start.AddDays(1), 1, null, null, eve.AddDays(-30), null)
        { MissionId = mission });
        // Person 4 flies in on the 18th and out on the 19th (London time): one night.
        var heathrow = await app.SendAsync(new AddTravelHubCommand("London Heathrow", "LHR", HubKind.Airport, "Europe/London") { MissionId = mission });
        await app.SendAsync(new SetTravelLegCommand(LegMode.Flight, "KLM", "KL1007", heathrow, "Amsterdam", start.ToDateTime(new TimeOnly(8, 35)))
        { MissionId = mission, RegistrationId = scenario.RegistrationIds["Person 4"], Direction = LegDirection.Arrival });
        await app.SendAsync(new SetTravelLegCommand(LegMode.Flight, "KLM", "KL1008", heathrow, "Amsterdam", start.AddDays(1).ToDateTime(new TimeOnly(19, 0)))
        { MissionId = mission, RegistrationId = scenario.RegistrationIds["Person 4"], Direction = LegDirection.Departure });

        (await app.SendAsync(new ProposeRoomsCommand(mission))).Should().Be(5, "the twin takes the pair, the step-free room the wheelchair user, the singles two");
        var view = await app.SendAsync(new ListRoomsQuery(mission));
        string Room(string name) => view.Needs.Single(n => n.Name == name) is { BlockId: { } b, Room: { } r } ? $"{view.Blocks.Single(x => x.Id == b).Name} {r}" : "none";
        new[] { "Person 0", "Person 1", "Person 2", "Person 3", "Person 4" }.Select(Room)
            .Should().Equal("Twin rooms 1", "Twin rooms 1", "Singles 1", "Step-free 1", "Singles 2");
        view.Needs.Should().NotContain(n => n.Name == "Person 5", "Person 5 did not ask for accommodation");
        var p4 = view.Needs.Single(n => n.Name == "Person 4");
        (p4.CheckIn, p4.CheckOut, p4.StayFromTravel).Should().Be((start, start.AddDays(1), true));
        var p0 = view.Needs.Single(n => n.Name == "Person 0");
        (p0.CheckIn, p0.CheckOut, p0.StayFromTravel).Should().Be((eve, start.AddDays(2), false), "no travel: the night before to the last day");
        view.Warnings.Should().Contain("Person 2 asked to share with Person 0, and they are in different rooms.")
            .And.Contain(w => w.StartsWith("Hotel Russell · Singles: rooms unused on") && w.Contains("(1 of 2)"), "Person 4 stays one night of three")
            .And.Contain($"Person 0 stays 1 night(s) outside Hotel Russell · Twin rooms's nights ({Day(eve)} to {Day(start)}): ask the hotel for them.");

        // A third guest in the twin room is refused on the nights it is full; a room number above those held is a room to ask for.
        await scenario.InviteAsync(("late@example.org", "Late Comer"));
        await scenario.RegisterAsync("late@example.org");
        var late = scenario.RegistrationIds["Late Comer"];
        var third = () => app.SendAsync(new AssignRoomCommand(late, twins, 1) { MissionId = mission });
        (await third.Should().ThrowAsync<DomainException>()).Which.Should().BeEquivalentTo(new { Field = "Room" }, o => o.ExcludingMissingMembers())
            .And.Subject.As<DomainException>().Message.Should().Contain("already sleeps 2");
        await app.SendAsync(new AssignRoomCommand(late, twins, 2, start, start.AddDays(1)) { MissionId = mission });
        view = await app.SendAsync(new ListRoomsQuery(mission));
        view.Warnings.Should().Contain(w => w.Contains($"Twin rooms: 2 rooms used on the night of {Day(start)}, 1 held: ask the hotel for 1 more before"));
        var badDates = () => app.SendAsync(new AssignRoomCommand(late, twins, 2, start, start) { MissionId = mission });
        (await badDates.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("CheckOut");
        var declined = () => app.SendAsync(new AssignRoomCommand(Guid.NewGuid(), twins, 3) { MissionId = mission });
        (await declined.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("RegistrationId");
        // A twin block cannot become singles while two share a room.
        var twinsNow = view.Blocks.Single(b => b.Id == twins);
        var shrink = () => app.SendAsync(new UpdateRoomBlockCommand(hotel, null, RoomType.Single, false, eve, start, 1, 189m, "GBP", eve.AddDays(-30), "GRP-48213",
            twinsNow.Version)
        { MissionId = mission, BlockId = twins });
        (await shrink.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("RoomType");

        // The rooming list: one row per guest, with nights and who shares.
        var csv = Encoding.UTF8.GetString((await app.SendAsync(new ExportRoomingListQuery(mission, ExportFormat.Csv, hotel))).Content);
        csv.Should().Contain("Hotel,Booking reference,Room type,Room,Guest,Organisation,Check-in,Check-out,Nights,Sharing with,Accessibility")
            .And.Contain($"Hotel Russell,GRP-48213,Twin,1,Person 0,TU Delft,{eve:yyyy-MM-dd},{start.AddDays(2):yyyy-MM-dd},3,Person 1,");
        csv.Should().Contain("Single (accessible),1,Person 3,TU Delft").And.Contain("wheelchair user");
        var run = await app.SendAsync(new MissionPlanner.Features.Documents.RequestDocumentsCommand(MissionPlanner.Domain.Documents.DocumentKind.RoomingList)
        { MissionId = mission });
        (await app.SendAsync(new MissionPlanner.Features.Documents.ProcessDocumentRunsCommand())).Should().Be(1);
        var pdf = await DocumentTests.PdfText(await app.SendAsync(new MissionPlanner.Features.Documents.GetDocumentFileQuery(mission, run, "rooming-list.pdf")));
        pdf.Should().Contain("rooming list").And.Contain("Hotel Russell").And.Contain("booking reference GRP-48213").And.Contain("Person 0")
            .And.Contain("Person 1").And.Contain("(to request)").And.Contain("wheelchair user");

        // The itinerary shows the hotel: check-in from 15:00 on the first night, check-out by 11:00, the reference and who shares.
        var items = (await app.SendAsync(new GetMyItineraryQuery(scenario.RegistrationTokens["Person 0"]))).Items;
        var checkIn = items.Single(i => i.Title.StartsWith("Hotel check-in"));
        (checkIn.StartsLocal, checkIn.VenueAddress).Should().Be((eve.ToDateTime(new TimeOnly(15, 0)), "1–8 Russell Square"));
        checkIn.Travel.Should().Be("twin room · sharing with Person 1 · booking reference GRP-48213 · 3 night(s)");
        items.Single(i => i.Title.StartsWith("Hotel check-out")).StartsLocal.Should().Be(start.AddDays(2).ToDateTime(new TimeOnly(11, 0)));

        // The hotel cannot go while it has blocks; an erased person leaves their room.
        var deleteHotel = () => app.SendAsync(new DeleteVenueCommand(mission, hotel));
        (await deleteHotel.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("room block");
        await app.SendAsync(new ErasePersonCommand(mission, scenario.RegistrationIds["Person 1"]));
        (await app.QueryAsync(db => db.RoomAssignments.AnyAsync(a => a.RegistrationId == scenario.RegistrationIds["Person 1"]))).Should().BeFalse();
        var withGuest = () => app.SendAsync(new RemoveRoomBlockCommand(mission, step));
        (await withGuest.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("WithGuests", "nobody loses a room by a slip");
        await app.SendAsync(new RemoveRoomBlockCommand(mission, step, WithGuests: true));
        (await app.SendAsync(new ListRoomsQuery(mission))).Warnings.Should().Contain("Person 3 asked for accommodation and has no room.");
        singles.Should().NotBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task Two_organisers_filling_one_single_room_at_once_never_put_two_people_in_it(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        await scenario.InviteAsync(6);
        await scenario.RegisterAllAsync();
        var hotel = await app.SendAsync(new CreateVenueCommand("Hotel Russell", "Russell Square", "London", VenueKind.Hotel, null, null) { MissionId = mission });
        var block = await app.SendAsync(new AddRoomBlockCommand(hotel, null, RoomType.Single, false, start.AddDays(-1), start.AddDays(1), 1, null, null, start.AddDays(-10), null)
        { MissionId = mission });

        var results = await Task.WhenAll(scenario.RegistrationIds.Values.Select(id => Task.Run(async () =>
        {
            try
            {
                await app.SendAsync(new AssignRoomCommand(id, block, 1) { MissionId = mission });
                return true;
            }
            catch (Exception e) when (e is DbUpdateConcurrencyException or DomainException)
            {
                return false;
            }
        })));

        results.Count(r => r).Should().Be(1);
        (await app.QueryAsync(db => db.RoomAssignments.CountAsync(a => a.BlockId == block))).Should().Be(1);
    }

    [Theory, AllDatabases]
    public async Task Organisers_are_emailed_a_blocks_use_once_a_week_before_its_release_date(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var release = start.AddDays(-10);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        var owner = await app.AddOrganiserAsync("owner@example.org");
        await app.GrantAsync(mission, owner, MissionRoleKind.Owner);
        await scenario.InviteAsync(3);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, ConsentProcessing: true,
            AccommodationNeeded: true));
        var hotel = await app.SendAsync(new CreateVenueCommand("Hotel Russell", "Russell Square", "London", VenueKind.Hotel, null, null) { MissionId = mission });
        await app.SendAsync(new AddRoomBlockCommand(hotel, null, RoomType.Single, false, start.AddDays(-1), start, 4, 150m, "GBP", release, "GRP-1")
        { MissionId = mission });
        await app.SendAsync(new ProposeRoomsCommand(mission));

        (await app.SendAsync(new SendRoomBlockRemindersCommand())).Should().Be(0, "the release date is 30 days away");
        app.Clock.SetUtcNow(release.AddDays(-8).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        (await app.SendAsync(new SendRoomBlockRemindersCommand())).Should().Be(0, "eight days before");
        app.Clock.SetUtcNow(release.AddDays(-7).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        (await app.SendAsync(new SendRoomBlockRemindersCommand())).Should().Be(1, "seven days before the release date");
        (await app.SendAsync(new SendRoomBlockRemindersCommand())).Should().Be(0, "once");

        var email = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "room-block-release"));
        email.ToAddress.Should().Be("owner@example.org");
        email.Subject.Should().Be($"Release date {release.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}: Hotel Russell, Single rooms");
        email.TextBody.Should().Contain($"{Day(start.AddDays(-1))}: 3 used, 4 held: 1 to release or fill").And.Contain("booking reference GRP-1");
    }
}
