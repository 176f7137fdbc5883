using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Travel;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Airport transfers: proposed from arrival times with the fewest vehicles, adjusted by organisers, published into itineraries.</summary>
public sealed class TransferTests
{
    [Fact]
    public void The_planner_uses_the_fewest_vehicles_without_overfilling_one_or_making_anyone_wait_too_long()
    {
        var t0 = new DateTime(2027, 1, 17, 12, 0, 0, DateTimeKind.Utc);
        var people = new[] { 0, 5, 10, 25, 31, 32, 33, 90 }.Select((m, i) => (Person: new Guid(i + 1, 0, 0, new byte[8]), ReadyAt: t0.AddMinutes(m))).ToList();

        var runs = TransferPlanner.Propose(TransferDirection.FromHub, people, capacity: 3, maxWait: TimeSpan.FromMinutes(30));

        // 0,5,10 fill a vehicle; 25 waits for 31,32 (6 min after); 33 and 90 are too far apart to share.
        runs.Select(r => (r.At, r.People.Count)).Should().Equal((t0.AddMinutes(10), 3), (t0.AddMinutes(32), 3), (t0.AddMinutes(33), 1), (t0.AddMinutes(90), 1));
        runs.SelectMany(r => r.People).Should().OnlyHaveUniqueItems().And.HaveCount(people.Count);

        // Departures are grouped from the latest backwards: the vehicle reaches the hub when its earliest passenger must be there.
        var back = TransferPlanner.Propose(TransferDirection.ToHub, people, capacity: 3, maxWait: TimeSpan.FromMinutes(30));
        back.Should().OnlyContain(r => r.People.Count <= 3);
        foreach (var run in back)
        {
            var times = run.People.Select(p => people.Single(x => x.Person == p).ReadyAt).ToList();
            run.At.Should().Be(times.Min());
            (times.Max() - times.Min()).Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(30));
        }
    }

    [Theory, AllDatabases]
    public async Task Transfers_are_proposed_from_arrivals_adjusted_by_organisers_and_shown_in_itineraries_once_published(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        await scenario.InviteAsync(5);
        await scenario.RegisterAllAsync();
        var heathrow = await app.SendAsync(new AddTravelHubCommand("London Heathrow", "LHR", HubKind.Airport, "Europe/London") { MissionId = mission });
        var eve = start.AddDays(-1);
        foreach (var (name, time) in new[] { ("Person 0", "14:00"), ("Person 1", "14:20"), ("Person 2", "14:25"), ("Person 3", "16:00"), ("Person 4", "16:10") })
        {
            await app.SendAsync(new SetTravelLegCommand(LegMode.Flight, "KLM", "KL1007", heathrow, "Amsterdam", eve.ToDateTime(TimeOnly.Parse(time)))
            { MissionId = mission, RegistrationId = scenario.RegistrationIds[name], Direction = LegDirection.Arrival });
        }

        var service = await app.SendAsync(new AddTransferServiceCommand(heathrow, TransferDirection.FromHub, "Heathrow to the hotel", "Hotel Russell, Russell Square",
            "Arrivals hall, Terminal 4, by Costa Coffee", VehicleCapacity: 2, MaxWaitMinutes: 30, BufferMinutes: 45)
        { MissionId = mission });
        (await app.SendAsync(new ProposeTransfersCommand(mission, service))).Should().Be(3);
        var heathrowGone = await app.SendAsync(new AddTravelHubCommand("Gatwick", "LGW", HubKind.Airport, "Europe/London") { MissionId = mission });
        await app.SendAsync(new AddTransferServiceCommand(heathrowGone, TransferDirection.ToHub, "Hotel to Gatwick", "Hotel Russell", "Hotel lobby", 8, 45, 120)
        { MissionId = mission });
        var inUse = () => app.SendAsync(new RemoveTravelHubCommand(mission, heathrowGone));
        (await inUse.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("HubId", "a transfer service runs to it");

        var view = (await app.SendAsync(new ListTransfersQuery(mission))).Single(s => s.Id == service);
        view.Runs.Select(r => (r.AtLocal.ToString("HH:mm"), string.Join("+", r.Passengers.Select(p => p.Name))))
            .Should().Equal(("15:05", "Person 0+Person 1"), ("15:10", "Person 2"), ("16:55", "Person 3+Person 4"));
        view.Runs[0].Passengers[0].WaitMinutes.Should().Be(20, "ready at 14:45, the vehicle leaves at 15:05");
        view.Should().BeEquivalentTo(new { Unassigned = Array.Empty<string>(), Warnings = Array.Empty<string>() }, o => o.ExcludingMissingMembers());

        // Moving Person 2 into a full vehicle is refused; into the last one it goes, with a warning for the long wait.
        var full = () => app.SendAsync(new MoveTransferPassengerCommand(scenario.RegistrationIds["Person 2"], 1) { MissionId = mission, ServiceId = service });
        (await full.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("ToRun");
        var moved = () => app.SendAsync(new MoveTransferPassengerCommand(scenario.RegistrationIds["Person 2"], 3) { MissionId = mission, ServiceId = service });
        (await moved.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("ToRun", "vehicle 3 has two seats, both taken");
        await app.SendAsync(new MoveTransferPassengerCommand(scenario.RegistrationIds["Person 3"], 2) { MissionId = mission, ServiceId = service });
        view = (await app.SendAsync(new ListTransfersQuery(mission))).Single(s => s.Id == service);
        view.Runs.Select(r => r.AtLocal.ToString("HH:mm")).Should().Equal("15:05", "16:45", "16:55");
        view.Warnings.Should().ContainSingle().Which.Should().Be("Person 2 waits 95 minutes for vehicle 2 (at most 30).");

        // Not shown to anyone until published; then in the itinerary, with the meeting point.
        var token = scenario.RegistrationTokens["Person 0"];
        (await app.SendAsync(new GetMyItineraryQuery(token))).Items.Should().NotContain(i => i.Title.StartsWith("Transfer"));
        await app.SendAsync(new PublishTransfersCommand(mission, service));
        var transfer = (await app.SendAsync(new GetMyItineraryQuery(token))).Items.Single(i => i.Title.StartsWith("Transfer"));
        transfer.Title.Should().Be("Transfer: Heathrow to the hotel, vehicle 1");
        transfer.StartsLocal.Should().Be(eve.ToDateTime(new TimeOnly(15, 5)));
        transfer.Travel.Should().Be("meet at: Arrivals hall, Terminal 4, by Costa Coffee · to Hotel Russell, Russell Square · leaves London Heathrow");

        // The driver sheets: a page per vehicle of the published service, with its time, meeting point and passengers.
        var run = await app.SendAsync(new MissionPlanner.Features.Documents.RequestDocumentsCommand(MissionPlanner.Domain.Documents.DocumentKind.DriverSheets)
        { MissionId = mission });
        (await app.SendAsync(new MissionPlanner.Features.Documents.ProcessDocumentRunsCommand())).Should().Be(1);
        var sheets = await DocumentTests.PdfText(await app.SendAsync(new MissionPlanner.Features.Documents.GetDocumentFileQuery(mission, run, "driver-sheets.pdf")));
        sheets.Should().Contain("Heathrow to the hotel · vehicle 1").And.Contain("vehicle 3").And.Contain("15:05").And.Contain("Arrivals hall, Terminal 4")
            .And.Contain("Person 0").And.Contain("KLM KL1007").And.Contain("2 of 2 seats");

        // Person 0 now flies into Gatwick: they leave Heathrow's vehicles, and their itinerary no longer shows one.
        await app.SendAsync(new SetTravelLegCommand(LegMode.Flight, "KLM", "KL1011", heathrowGone, "Amsterdam", eve.ToDateTime(new TimeOnly(14, 0)))
        { MissionId = mission, RegistrationId = scenario.RegistrationIds["Person 0"], Direction = LegDirection.Arrival });
        (await app.SendAsync(new GetMyItineraryQuery(token))).Items.Should().NotContain(i => i.Title.StartsWith("Transfer"));
        view = (await app.SendAsync(new ListTransfersQuery(mission))).Single(s => s.Id == service);
        view.Runs.SelectMany(r => r.Passengers).Select(p => p.Name).Should().NotContain("Person 0");
        (await app.QueryAsync(db => db.TransferPassengers.CountAsync(p => p.RegistrationId == scenario.RegistrationIds["Person 0"]))).Should().Be(0);

        // Changed: smaller vehicles show as over capacity until proposed again; a stale version or no seats is refused.
        var changed = new UpdateTransferServiceCommand("Heathrow to the hotel", "Hotel Russell, Russell Square", "Arrivals hall, Terminal 5", 1, 30, 45, 0, view.Version)
        { MissionId = mission, ServiceId = service };
        await app.SendAsync(changed);
        view = (await app.SendAsync(new ListTransfersQuery(mission))).Single(s => s.Id == service);
        view.Warnings.Should().Contain(x => x.EndsWith("carries 2, over its 1 seats."));
        (await app.SendAsync(new GetMyItineraryQuery(scenario.RegistrationTokens["Person 1"]))).Items.Single(i => i.Title.StartsWith("Transfer")).Travel
            .Should().StartWith("meet at: Arrivals hall, Terminal 5");
        var stale = () => app.SendAsync(changed);
        await stale.Should().ThrowAsync<DbUpdateConcurrencyException>();
        var noSeats = () => app.SendAsync(changed with { VehicleCapacity = 0, Version = view.Version });
        (await noSeats.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("VehicleCapacity");

        // Removed: its vehicles go, and with them the transfer in everyone's itinerary.
        await app.SendAsync(new RemoveTransferServiceCommand(mission, service));
        (await app.SendAsync(new ListTransfersQuery(mission))).Should().NotContain(s => s.Id == service);
        (await app.QueryAsync(db => db.TransferRuns.CountAsync(r => r.ServiceId == service))).Should().Be(0);
        (await app.SendAsync(new GetMyItineraryQuery(scenario.RegistrationTokens["Person 1"]))).Items.Should().NotContain(i => i.Title.StartsWith("Transfer"));
    }

    [Theory, AllDatabases]
    public async Task A_draft_mission_with_journeys_and_transfers_can_be_deleted(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider, open: false);
        var (app, mission) = (scenario.App, scenario.Mission);
        await using var _ = app;
        await app.SendAsync(new ImportDelegatesCommand("email,name,organisation,sector\nann@example.org,Ann,TU Delft,Academia\n") { MissionId = mission });
        var hub = await app.SendAsync(new AddTravelHubCommand("London Heathrow", "LHR", HubKind.Airport, "Europe/London") { MissionId = mission });
        var ann = await app.QueryAsync(db => db.Registrations.Select(r => r.Id).SingleAsync());
        await app.SendAsync(new SetTravelLegCommand(LegMode.Flight, "KLM", "KL1007", hub, "Amsterdam", scenario.Start.AddDays(-1).ToDateTime(new TimeOnly(14, 0)))
        { MissionId = mission, RegistrationId = ann, Direction = LegDirection.Arrival });
        var service = await app.SendAsync(new AddTransferServiceCommand(hub, TransferDirection.FromHub, "Heathrow to the hotel", "Hotel", "Arrivals", 8, 45, 45)
        { MissionId = mission });
        await app.SendAsync(new ProposeTransfersCommand(mission, service));

        await app.SendAsync(new MissionPlanner.Features.Missions.DeleteMissionCommand(mission));

        (await app.CountAsync<TravelHub>()).Should().Be(0);
        (await app.CountAsync<TransferRun>()).Should().Be(0);
    }
}
