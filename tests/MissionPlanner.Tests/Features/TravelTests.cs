using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Travel;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Travel;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>
/// Arrivals and departures: the places delegates travel through (each in its own time zone), each delegate's legs,
/// the manifest per day and place, conflicts with the programme, and phone numbers in E.164.
/// </summary>
public sealed class TravelTests
{
    private sealed record World(Scenario Scenario, Guid Heathrow, Guid StPancras, Guid Symposium, Guid Closing)
    {
        public Slice App => Scenario.App;
        public Guid Mission => Scenario.Mission;
        public DateOnly Start => Scenario.Start;
    }

    private static async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var scenario = await Scenario.MissionAsync(provider, start, days: 2);
        var (app, mission) = (scenario.App, scenario.Mission);
        var symposium = await app.SendAsync(new CreateProgrammeItemCommand("Bilateral symposium", null, ProgrammeItemKind.SymposiumSession,
            start.ToDateTime(new TimeOnly(9, 0)), start.ToDateTime(new TimeOnly(17, 0)), null, null, false)
        { MissionId = mission });
        var closing = await app.SendAsync(new CreateProgrammeItemCommand("Strategic session", null, ProgrammeItemKind.Talk,
            start.AddDays(1).ToDateTime(new TimeOnly(14, 0)), start.AddDays(1).ToDateTime(new TimeOnly(16, 0)), null, null, false)
        { MissionId = mission });
        await scenario.InviteAsync(3);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, true,
            Phone: name == "Person 0" ? "+31 (0)6 1234 5678" : null, Accessibility: name == "Person 1" ? "Wheelchair user" : null));
        var heathrow = await app.SendAsync(new AddTravelHubCommand("London Heathrow", "lhr", HubKind.Airport, "Europe/London") { MissionId = mission });
        var stPancras = await app.SendAsync(new AddTravelHubCommand("St Pancras International", "STP", HubKind.Station, "Europe/London") { MissionId = mission });
        return new World(scenario, heathrow, stPancras, symposium, closing);
    }

    private static SetTravelLegCommand Leg(World w, string name, LegDirection direction, LegMode mode, string? number, Guid hub, DateTime local,
        string? carrier = "KLM", string? otherEnd = "Amsterdam Schiphol (AMS)") =>
        new(mode, carrier, number, hub, otherEnd, local)
        {
            MissionId = w.Mission,
            RegistrationId = w.Scenario.RegistrationIds[name],
            Direction = direction,
        };

    [Theory, AllDatabases]
    public async Task The_manifest_lists_arrivals_and_departures_per_day_and_place_in_local_time_with_mobiles_only_where_shared(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var eve = w.Start.AddDays(-1);
        (await w.App.QueryAsync(db => db.Registrations.Where(r => r.Name == "Person 0").Select(r => r.Phone).SingleAsync())).Should().Be("+31612345678",
            "phone numbers are stored in E.164");

        // Person 0 gives it on their own page and agrees to share their mobile; an organiser's later correction keeps that consent.
        await w.App.SendAsync(new SetMyTravelLegCommand(w.Scenario.RegistrationTokens["Person 0"], LegDirection.Arrival, LegMode.Flight, "KLM", "kl 1007", w.Heathrow,
            "Amsterdam Schiphol (AMS)", eve.ToDateTime(new TimeOnly(20, 35)), ShareMobile: true));
        await w.App.SendAsync(Leg(w, "Person 0", LegDirection.Arrival, LegMode.Flight, "kl 1007", w.Heathrow, eve.ToDateTime(new TimeOnly(20, 35))));
        await w.App.SendAsync(Leg(w, "Person 1", LegDirection.Arrival, LegMode.Flight, "BA431", w.Heathrow, eve.ToDateTime(new TimeOnly(18, 5)),
            carrier: "British Airways"));
        await w.App.SendAsync(Leg(w, "Person 1", LegDirection.Departure, LegMode.Train, "9014", w.StPancras, w.Start.AddDays(1).ToDateTime(new TimeOnly(17, 31)),
            carrier: "Eurostar", otherEnd: "Brussels-Midi"));
        await w.App.SendAsync(Leg(w, "Person 2", LegDirection.Arrival, LegMode.Car, null, w.StPancras, w.Start.ToDateTime(new TimeOnly(7, 30)), carrier: null,
            otherEnd: "Cambridge"));

        var manifest = await w.App.SendAsync(new GetManifestQuery(w.Mission));
        manifest.Select(d => (d.Date, d.Hub)).Should().Equal((eve, "London Heathrow (LHR)"), (w.Start, "St Pancras International (STP)"),
            (w.Start.AddDays(1), "St Pancras International (STP)"));
        manifest[0].Arrivals.Select(a => (a.Local.ToString("HH:mm"), a.Name, a.Service)).Should().Equal(("18:05", "Person 1", "British Airways BA431"),
            ("20:35", "Person 0", "KLM KL1007"));
        manifest[0].Arrivals[1].Mobile.Should().Be("+31 6 12345678", "Person 0 shared it for this journey");
        manifest[0].Arrivals[0].Should().BeEquivalentTo(new { Mobile = (string?)null, Accessibility = "Wheelchair user" }, o => o.ExcludingMissingMembers());
        manifest[2].Departures.Single().Should().BeEquivalentTo(new { Name = "Person 1", OtherEnd = "Brussels-Midi", Mode = LegMode.Train },
            o => o.ExcludingMissingMembers());

        var csv = await w.App.SendAsync(new ExportManifestQuery(w.Mission, ExportFormat.Csv));
        var sheet = Spreadsheet.Read(csv.Content);
        sheet.Header.Should().StartWith(["Date", "Airport or station", "Arrival or departure", "Time (local)", "Name"]);
        sheet.Rows.Should().HaveCount(4);
        sheet.Rows[1].Fields.Should().StartWith([eve.ToString("yyyy-MM-dd"), "London Heathrow (LHR)", "arrival", "20:35", "Person 0", "TU Delft", "flight", "KLM KL1007"]);
        Spreadsheet.Read((await w.App.SendAsync(new ExportManifestQuery(w.Mission, ExportFormat.Xlsx))).Content).Rows.Should().HaveCount(4);

        // The document job prints it, landscape, one table per day and place.
        var run = await w.App.SendAsync(new MissionPlanner.Features.Documents.RequestDocumentsCommand(MissionPlanner.Domain.Documents.DocumentKind.Manifest)
        { MissionId = w.Mission });
        (await w.App.SendAsync(new MissionPlanner.Features.Documents.ProcessDocumentRunsCommand())).Should().Be(1);
        var pdf = await DocumentTests.PdfText(await w.App.SendAsync(new MissionPlanner.Features.Documents.GetDocumentFileQuery(w.Mission, run, "manifest.pdf")));
        pdf.Should().Contain("arrivals and departures").And.Contain("London Heathrow (LHR)").And.Contain("KLM KL1007").And.Contain("+31 6 12345678")
            .And.Contain("Wheelchair user").And.Contain("Brussels-Midi");

        // Erasing a person takes their journeys with them.
        await w.App.SendAsync(new ErasePersonCommand(w.Mission, w.Scenario.RegistrationIds["Person 1"]));
        (await w.App.QueryAsync(db => db.TravelLegs.CountAsync())).Should().Be(2);
        (await w.App.SendAsync(new GetManifestQuery(w.Mission))).SelectMany(d => d.Arrivals.Concat(d.Departures)).Select(e => e.Name)
            .Should().BeEquivalentTo("Person 0", "Person 2");
    }

    [Theory, AllDatabases]
    public async Task Arriving_after_an_item_starts_or_leaving_before_it_ends_is_a_conflict(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        await w.App.SendAsync(Leg(w, "Person 0", LegDirection.Arrival, LegMode.Flight, "KL1007", w.Heathrow, w.Start.ToDateTime(new TimeOnly(10, 15))));
        await w.App.SendAsync(Leg(w, "Person 0", LegDirection.Departure, LegMode.Flight, "KL1010", w.Heathrow, w.Start.AddDays(1).ToDateTime(new TimeOnly(15, 0))));
        await w.App.SendAsync(Leg(w, "Person 1", LegDirection.Arrival, LegMode.Flight, "KL1007", w.Heathrow, w.Start.AddDays(-1).ToDateTime(new TimeOnly(10, 15))));

        var travel = await w.App.SendAsync(new ListTravelQuery(w.Mission));
        travel.Select(t => t.Name).Should().Equal("Person 0", "Person 1", "Person 2");
        var conflicts = travel[0].Conflicts;
        conflicts.Should().HaveCount(2);
        conflicts[0].Should().StartWith("Arrives ").And.Contain("10:15 (London time), after 'Bilateral symposium' starts").And.EndWith("09:00).");
        conflicts[1].Should().StartWith("Leaves ").And.Contain("15:00 (London time), before 'Strategic session' ends").And.EndWith("16:00).");
        travel[1].Conflicts.Should().BeEmpty();
        travel[2].Arrival.Should().BeNull();
    }

    [Theory, AllDatabases]
    public async Task Bad_travel_is_refused_naming_the_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        await w.App.SendAsync(Leg(w, "Person 0", LegDirection.Departure, LegMode.Flight, "KL1010", w.Heathrow, w.Start.AddDays(1).ToDateTime(new TimeOnly(19, 0))));

        async Task<string> Refused(Func<Task> send)
        {
            var thrown = await send.Should().ThrowAsync<Exception>();
            return thrown.Which switch
            {
                DomainException d => d.Field,
                ValidationException v => string.Join(",", v.Errors.Select(e => e.PropertyName)),
                var other => other.GetType().Name,
            };
        }

        var count = await w.App.CountAsync<TravelLeg>();
        (await Refused(() => w.App.SendAsync(Leg(w, "Person 0", LegDirection.Arrival, LegMode.Flight, "KL1007", w.Heathrow,
            w.Start.AddDays(2).ToDateTime(new TimeOnly(8, 0)))))).Should().Be("ScheduledLocal", "an arrival after the departure");
        (await Refused(() => w.App.SendAsync(Leg(w, "Person 1", LegDirection.Arrival, LegMode.Flight, null, w.Heathrow,
            w.Start.ToDateTime(new TimeOnly(8, 0)))))).Should().Be("Number", "a flight without its number");
        (await Refused(() => w.App.SendAsync(Leg(w, "Person 1", LegDirection.Arrival, LegMode.Flight, "KL1007", Guid.NewGuid(),
            w.Start.ToDateTime(new TimeOnly(8, 0)))))).Should().Be("HubId", "a place that is not the mission's");
        (await Refused(() => w.App.SendAsync(Leg(w, "Person 1", LegDirection.Arrival, LegMode.Flight, "KL1007", w.Heathrow, default) with { Mode = null, ScheduledLocal = null })))
            .Should().Be("Mode,ScheduledLocal");
        var springForward = new DateOnly(DateTime.UtcNow.Year + 1, 3, 31);
        while (springForward.DayOfWeek != DayOfWeek.Sunday)
        {
            springForward = springForward.AddDays(-1);
        }

        (await Refused(() => w.App.SendAsync(Leg(w, "Person 1", LegDirection.Arrival, LegMode.Flight, "KL1007", w.Heathrow,
            springForward.ToDateTime(new TimeOnly(1, 30)))))).Should().Be("ScheduledLocal", "01:30 does not exist in London when the clocks go forward");
        (await Refused(() => w.App.SendAsync(Leg(w, "Person 1", LegDirection.Arrival, LegMode.Flight, "KL1007", w.Heathrow,
            DateTime.SpecifyKind(w.Start.ToDateTime(new TimeOnly(8, 0)), DateTimeKind.Utc))))).Should().Be("ScheduledLocal", "an instant is not a time on the place's clocks");
        (await Refused(() => w.App.SendAsync(Leg(w, "Person 1", LegDirection.Arrival, LegMode.Flight, "KL1007", w.Heathrow,
            new DateTime(9999, 12, 31, 23, 0, 0))))).Should().Be("ScheduledLocal", "a time far from the mission");
        (await Refused(() => w.App.SendAsync(Leg(w, "Person 1", (LegDirection)7, LegMode.Flight, "KL1007", w.Heathrow,
            w.Start.ToDateTime(new TimeOnly(8, 0)))))).Should().Be("Direction");
        (await w.App.CountAsync<TravelLeg>()).Should().Be(count);

        (await Refused(() => w.App.SendAsync(new AddTravelHubCommand("Belfast City", "BHD", HubKind.Airport, "Europe/Belfast_City") { MissionId = w.Mission })))
            .Should().Be("TimeZoneId", "a place without a zone times cannot be read in");
        (await Refused(() => w.App.SendAsync(new AddTravelHubCommand("Schiphol", "AMS", HubKind.Airport, "W. Europe Standard Time") { MissionId = w.Mission })))
            .Should().Be("TimeZoneId", "a Windows zone name is not an IANA one");
        (await Refused(() => w.App.SendAsync(new AddTravelHubCommand("London Heathrow", null, HubKind.Airport, "Europe/London") { MissionId = w.Mission })))
            .Should().Be("Name");
        (await Refused(() => w.App.SendAsync(new RemoveTravelHubCommand(w.Mission, w.Heathrow)))).Should().Be("HubId", "a leg uses it");

        await w.Scenario.InviteAsync(("p9@example.org", "Person 9"));
        var badPhone = () => w.Scenario.RegisterAsync("p9@example.org", name => new RegistrationDetails(name, "TU Delft", Sector.Academia,
            DelegationRole.Member, true, Phone: "06 1234 5678"));
        (await badPhone.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().Should().BeEquivalentTo(
            new { PropertyName = "Details.Phone", ErrorMessage = "Give the number with its country code, e.g. +31 6 1234 5678." }, o => o.ExcludingMissingMembers());
    }

    [Theory, AllDatabases]
    public async Task Phone_numbers_typed_before_they_were_stored_in_E164_are_converted_once_as_the_app_starts(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var typed = new Dictionary<string, string> { ["Person 0"] = "+31 6 1234 5678", ["Person 1"] = "0044 20 7946 0958", ["Person 2"] = "06 1234 5678" };
        foreach (var (name, phone) in typed)
        {
            var id = w.Scenario.RegistrationIds[name];
            await w.App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Phone, phone)));
        }

        await w.App.QueryAsync(db => db.AppSettings.Where(s => s.Key == PhoneNumberFollowUp.DoneSetting).ExecuteDeleteAsync());
        await using (var scope = w.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance, scope.ServiceProvider.GetServices<IMigrationFollowUp>()).MigrateAsync();
        }

        var phones = await w.App.QueryAsync(db => db.Registrations.Where(r => r.Phone != null).ToDictionaryAsync(r => r.Name, r => r.Phone));
        phones["Person 0"].Should().Be("+31612345678");
        phones["Person 1"].Should().Be("+442079460958");
        phones["Person 2"].Should().Be("06 1234 5678", "without a country code it cannot be read, and stays as typed");
        (await w.App.QueryAsync(db => db.AppSettings.AnyAsync(s => s.Key == PhoneNumberFollowUp.DoneSetting))).Should().BeTrue();
    }

    [Theory, AllDatabases]
    public async Task A_place_used_only_by_someone_who_cancelled_can_be_removed_and_their_journey_goes_with_it(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var luton = await w.App.SendAsync(new AddTravelHubCommand("London Luton", "LTN", HubKind.Airport, "Europe/London") { MissionId = w.Mission });
        await w.App.SendAsync(Leg(w, "Person 2", LegDirection.Arrival, LegMode.Flight, "U2 2133", luton, w.Start.AddDays(-1).ToDateTime(new TimeOnly(18, 0))));
        var inUse = () => w.App.SendAsync(new RemoveTravelHubCommand(w.Mission, luton));
        (await inUse.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("HubId");

        await w.App.SendAsync(new CancelMyRegistrationCommand(w.Scenario.RegistrationTokens["Person 2"]));
        (await w.App.SendAsync(new ListTravelHubsQuery(w.Mission))).Single(h => h.Id == luton).Legs.Should().Be(0, "a cancelled delegate's journey does not count");
        await w.App.SendAsync(new RemoveTravelHubCommand(w.Mission, luton));
        (await w.App.QueryAsync(db => db.TravelLegs.CountAsync(l => l.HubId == luton))).Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task A_delegate_gives_their_own_travel_and_a_change_after_the_deadline_is_emailed_to_the_organisers(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var owner = await w.App.AddOrganiserAsync("owner@example.org");
        await w.App.GrantAsync(w.Mission, owner, MissionRoleKind.Owner);
        var today = MissionTime.LocalDate(w.App.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        await w.App.SendAsync(new SetRegistrationScheduleCommand(today, []) { MissionId = w.Mission });
        var token = w.Scenario.RegistrationTokens["Person 0"];

        var mine = await w.App.SendAsync(new GetMyTravelQuery(token));
        mine.Hubs.Select(h => h.Label).Should().Equal("London Heathrow (LHR)", "St Pancras International (STP)");
        await w.App.SendAsync(new SetMyTravelLegCommand(token, LegDirection.Arrival, LegMode.Train, "Eurostar", "9117", w.StPancras, "Amsterdam Centraal",
            w.Start.AddDays(-1).ToDateTime(new TimeOnly(19, 57)), ShareMobile: true));
        (await w.App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Template == "travel-changed"))).Should().Be(0, "before the deadline");

        w.App.Clock.Advance(TimeSpan.FromDays(1));
        await w.App.SendAsync(new SetMyTravelLegCommand(token, LegDirection.Arrival, LegMode.Train, "Eurostar", "9125", w.StPancras, "Amsterdam Centraal",
            w.Start.AddDays(-1).ToDateTime(new TimeOnly(21, 57)), ShareMobile: true));
        var email = await w.App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "travel-changed"));
        email.ToAddress.Should().Be("owner@example.org");
        email.Subject.Should().StartWith("Person 0 changed their arrival: ").And.EndWith("21:57, St Pancras International (STP)");
        email.TextBody.Should().Contain("train Eurostar 9125");
        (await w.App.SendAsync(new GetMyTravelQuery(token))).Travel!.Arrival!.Should().BeEquivalentTo(
            new { Number = "9125", ShareMobile = true, Hub = "St Pancras International (STP)" }, o => o.ExcludingMissingMembers());

        // The itinerary and the calendar feed show it among the programme, in time order.
        var itinerary = await w.App.SendAsync(new MissionPlanner.Features.Itinerary.GetMyItineraryQuery(token));
        itinerary.Items.Select(i => i.Title).Should().Equal("You arrive: train Eurostar 9125 at St Pancras International (STP)", "Bilateral symposium", "Strategic session");
        itinerary.Items[0].Should().BeEquivalentTo(new { Kind = ProgrammeItemKind.TravelLeg, Travel = "from Amsterdam Centraal" }, o => o.ExcludingMissingMembers());
        itinerary.Items[0].StartsLocal.Should().Be(w.Start.AddDays(-1).ToDateTime(new TimeOnly(21, 57)));
    }

    [Theory, AllDatabases]
    public async Task A_travel_agencys_spreadsheet_sets_arrivals_and_departures_and_a_bad_row_is_named_with_nothing_saved(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var eve = w.Start.AddDays(-1).ToString("dd/MM/yyyy");
        var last = w.Start.AddDays(1).ToString("yyyy-MM-dd");

        var bad = await w.App.SendAsync(new ImportTravelLegsCommand(
            $"Email,Direction,Mode,Airline,Flight no,Airport,From/To,Date,Time\n" +
            $"p0@example.org,Arrival,Flight,KLM,KL1007,LHR,Amsterdam,{eve},20:35\n" +
            $"p1@example.org,in,plane,BA,,LHR,Dublin,{eve},18:05\n" +
            $"nobody@example.org,Departure,Train,Eurostar,9014,Gatwick,Brussels,{last},31:00\n")
        { MissionId = w.Mission });
        bad.Imported.Should().Be(0);
        bad.Errors.Select(e => (e.Line, e.Column)).Should().BeEquivalentTo([(3, "number"), (4, "email"), (4, "airport or station"), (4, "time")]);
        (await w.App.CountAsync<TravelLeg>()).Should().Be(0, "nothing is saved while a row is bad");

        // Rows that only fail together (an arrival after the same person's departure) are refused as a whole as well.
        var order = await w.App.SendAsync(new ImportTravelLegsCommand(
            $"email,direction,by,carrier,number,airport or station,from or to,date,time\n" +
            $"p0@example.org,departure,flight,KLM,KL1010,LHR,Amsterdam,{eve},08:00\n" +
            $"p0@example.org,arrival,flight,KLM,KL1007,LHR,Amsterdam,{eve},20:35\n")
        { MissionId = w.Mission });
        order.Imported.Should().Be(0);
        order.Errors.Should().ContainSingle().Which.Line.Should().Be(2);
        (await w.App.CountAsync<TravelLeg>()).Should().Be(0);

        var good = await w.App.SendAsync(new ImportTravelLegsCommand(
            $"email,direction,by,carrier,number,airport or station,from or to,date,time\n" +
            $"P0@Example.org,arrival,flight,KLM,KL 1007,lhr,Amsterdam Schiphol (AMS),{eve},20:35\n" +
            $"p0@example.org,departure,train,Eurostar,9014,St Pancras International,Brussels-Midi,{last},17:31\n")
        { MissionId = w.Mission });
        good.Should().BeEquivalentTo(new { Imported = 2, Errors = Array.Empty<object>() }, o => o.ExcludingMissingMembers());
        var person = (await w.App.SendAsync(new ListTravelQuery(w.Mission))).Single(t => t.Name == "Person 0");
        person.Arrival.Should().BeEquivalentTo(new { Number = "KL1007", Hub = "London Heathrow (LHR)", OtherEnd = "Amsterdam Schiphol (AMS)" }, o => o.ExcludingMissingMembers());
        person.Arrival!.ScheduledLocal.Should().Be(w.Start.AddDays(-1).ToDateTime(new TimeOnly(20, 35)));
        person.Departure!.Mode.Should().Be(LegMode.Train);

        // A new itinerary later than the departure on record: both legs move, whichever is checked first.
        var later = await w.App.SendAsync(new ImportTravelLegsCommand(
            $"email,direction,by,carrier,number,airport or station,from or to,date,time\n" +
            $"p0@example.org,arrival,flight,KLM,KL1019,LHR,Amsterdam,{w.Start.AddDays(5):yyyy-MM-dd},09:00\n" +
            $"p0@example.org,departure,flight,KLM,KL1020,LHR,Amsterdam,{w.Start.AddDays(7):yyyy-MM-dd},18:00\n")
        { MissionId = w.Mission });
        later.Errors.Should().BeEmpty();
        later.Imported.Should().Be(2);

        // An Excel workbook whose date and time columns are date and time cells, as a travel agency's export has them.
        using var workbook = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(workbook, new[]
        {
            new Dictionary<string, object>
            {
                ["email"] = "p1@example.org", ["direction"] = "arrival", ["by"] = "flight", ["carrier"] = "BA", ["number"] = "BA431", ["airport"] = "LHR",
                ["from"] = "Dublin", ["date"] = w.Start.AddDays(-1).ToDateTime(TimeOnly.MinValue), ["time"] = "18:05:00",
            },
        }, excelType: MiniExcelLibs.ExcelType.XLSX);
        var excel = await w.App.SendAsync(new ImportTravelLegsCommand(null, File: workbook.ToArray()) { MissionId = w.Mission });
        excel.Errors.Should().BeEmpty();
        (await w.App.SendAsync(new ListTravelQuery(w.Mission))).Single(t => t.Name == "Person 1").Arrival!.ScheduledLocal
            .Should().Be(w.Start.AddDays(-1).ToDateTime(new TimeOnly(18, 5)));

        // A workbook as Excel itself writes it: dates and times are numbers (days since 1899-12-30, fractions of a day) shown through
        // number formats, the built-in "d/m/yyyy" and "h:mm" and a custom "hh:mm".
        var serial = w.Start.AddDays(-1).DayNumber - new DateOnly(1899, 12, 30).DayNumber;
        var excelWritten = await w.App.SendAsync(new ImportTravelLegsCommand(null, File: ExcelWorkbook(
            ["email", "direction", "by", "carrier", "number", "airport", "from", "date", "time"],
            [
                ["p2@example.org", "arrival", "flight", "BA", "BA433", "LHR", "Dublin", (serial, 1), ((19 * 60 + 57) / 1440.0, 2)],
                ["p2@example.org", "departure", "flight", "BA", "BA438", "LHR", "Dublin", (serial + 3, 1), ((7 * 60 + 5) / 1440.0, 3)],
            ]))
        { MissionId = w.Mission });
        excelWritten.Errors.Should().BeEmpty();
        var asExcelWrites = (await w.App.SendAsync(new ListTravelQuery(w.Mission))).Single(t => t.Name == "Person 2");
        (asExcelWrites.Arrival!.ScheduledLocal, asExcelWrites.Departure!.ScheduledLocal).Should().Be((w.Start.AddDays(-1).ToDateTime(new TimeOnly(19, 57)),
            w.Start.AddDays(2).ToDateTime(new TimeOnly(7, 5))));

        // Time cells as spreadsheet programs save them when read as text: a date-and-time, or a time a hair short of the minute.
        var cells = await w.App.SendAsync(new ImportTravelLegsCommand(
            $"email,direction,by,carrier,number,airport or station,from or to,date,time\n" +
            $"p2@example.org,arrival,train,Eurostar,9117,STP,Paris,{w.Start.AddDays(-1):yyyy-MM-dd} 00:00:00,1899-12-30 19:57\n" +
            $"p2@example.org,departure,train,Eurostar,9040,STP,Paris,{w.Start.AddDays(1):yyyy-MM-dd},14:34:59.9999999\n")
        { MissionId = w.Mission });
        cells.Errors.Should().BeEmpty();
        var p2 = (await w.App.SendAsync(new ListTravelQuery(w.Mission))).Single(t => t.Name == "Person 2");
        (p2.Arrival!.ScheduledLocal, p2.Departure!.ScheduledLocal).Should().Be(
            (w.Start.AddDays(-1).ToDateTime(new TimeOnly(19, 57)), w.Start.AddDays(1).ToDateTime(new TimeOnly(14, 35))));

        var sameCode = () => w.App.SendAsync(new AddTravelHubCommand("Heathrow again", "lhr", HubKind.Airport, "Europe/London") { MissionId = w.Mission });
        (await sameCode.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Code", "imports find a place by its code");
    }

    /// <summary>
    /// A minimal .xlsx as Excel writes it (ECMA-376): inline strings, and numbers with a style index (1: built-in date format 14,
    /// 2: built-in time format 20 "h:mm", 3: custom format 164 "hh:mm").
    /// </summary>
    private static byte[] ExcelWorkbook(string[] header, object[][] rows)
    {
        static string Column(int i) => ((char)('A' + i)).ToString();
        static string Cell(string reference, object value) => value switch
        {
            (double number, int style) => $"<c r=\"{reference}\" s=\"{style}\"><v>{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
            (int number, int style) => $"<c r=\"{reference}\" s=\"{style}\"><v>{number}</v></c>",
            _ => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(value.ToString())}</t></is></c>",
        };
        var sheet = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var all = new[] { header.Cast<object>().ToArray() }.Concat(rows).ToArray();
        for (var r = 0; r < all.Length; r++)
        {
            sheet.Append($"<row r=\"{r + 1}\">").Append(string.Concat(all[r].Select((v, c) => Cell($"{Column(c)}{r + 1}", v)))).Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>",
            ["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Travel\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>",
            ["xl/styles.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"hh:mm\"/></numFmts><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"20\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>",
            ["xl/worksheets/sheet1.xml"] = sheet.ToString(),
        };
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(xml);
            }
        }

        return zip.ToArray();
    }
}
