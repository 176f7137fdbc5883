using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed partial class ItineraryTests
{
    /// <summary>A mission over the night the UK moves its clocks forward (last Sunday of March 2027).</summary>
    private static readonly DateOnly Start = new(2027, 3, 26);

    private static async Task<(Slice App, Guid Mission, Dictionary<string, string> Links)> ArrangeAsync(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider, Start, city: "Cambridge", capacity: 2);
        await scenario.InviteAsync(("ann@example.org", "Ann"), ("bob@example.org", "Bob"), ("cem@example.org", "Cem"));
        var links = new Dictionary<string, string>();
        foreach (var (who, sector) in new[] { ("ann", Sector.Academia), ("bob", Sector.Industry), ("cem", Sector.Industry) })
        {
            links[who] = (await scenario.RegisterAsync($"{who}@example.org", name => new RegistrationDetails(name, "Org", sector, DelegationRole.Member, true))).Token!;
        }

        return (scenario.App, scenario.Mission, links);
    }

    [Theory, AllDatabases]
    public async Task EachPersonsItinerary_HasTheItemsForEveryone_TheirSector_AndThem(DatabaseProvider provider)
    {
        var (app, mission, links) = await ArrangeAsync(provider);
        await using var _ = app;
        var lab = await app.SendAsync(new CreateVenueCommand("Cavendish Laboratory", "JJ Thomson Avenue", "Cambridge", VenueKind.Lab, 52.2097, 0.0917) { MissionId = mission });
        await Item(app, mission, "Symposium", 1, 9, 17, null);
        var industry = await Item(app, mission, "Company visit: ARM", 2, 10, 12, null);
        var tour = await Item(app, mission, "Cleanroom tour", 2, 14, 16, lab);
        await app.SendAsync(new SetItemAudienceCommand(Audience.Sectors, [Sector.Industry], null) { MissionId = mission, ItemId = industry });
        var ann = await app.QueryAsync(db => db.Registrations.Where(r => r.Name == "Ann").Select(r => r.Id).SingleAsync());
        await app.SendAsync(new SetItemAudienceCommand(Audience.People, null, [ann]) { MissionId = mission, ItemId = tour });

        (await app.SendAsync(new GetMyItineraryQuery(links["ann"]))).Items.Select(i => i.Title).Should().Equal("Symposium", "Cleanroom tour");
        (await app.SendAsync(new GetMyItineraryQuery(links["bob"]))).Items.Select(i => i.Title).Should().Equal("Symposium", "Company visit: ARM");
        var cem = await app.SendAsync(new GetMyItineraryQuery(links["cem"]));
        cem.Status.Should().Be(RegistrationStatus.Waitlisted);
        cem.Items.Should().BeEmpty("the waitlisted have no itinerary yet");

        var annTour = (await app.SendAsync(new GetMyItineraryQuery(links["ann"]))).Items[1];
        annTour.StartsLocal.Should().Be(Start.AddDays(2).ToDateTime(new TimeOnly(14, 0)), "times are the mission's local time, after the clocks moved");
        annTour.DirectionsUrl.Should().Be("https://www.openstreetmap.org/directions?to=52.2097%2C0.0917");
        var outsider = () => app.SendAsync(new SetItemAudienceCommand(Audience.People, null, [Guid.NewGuid()]) { MissionId = mission, ItemId = tour });
        (await outsider.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("AudiencePeople");
    }

    [Theory, AllDatabases]
    public async Task TheCalendarFeed_ParsesWithARealLibrary_InTheMissionsZone_AndCarriesChangesAndCancellations(DatabaseProvider provider)
    {
        var (app, mission, links) = await ArrangeAsync(provider);
        await using var _ = app;
        var before = await Item(app, mission, "Welcome; drinks, and \"networking\"", 0, 18, 20, null,
            description: "Line one\nLine two, with a comma; and a semicolon \\ backslash. " + new string('é', 60), dressCode: "Business casual");
        var after = await Item(app, mission, "Lab tour", 2, 9, 11, null);

        var itinerary = await app.SendAsync(new GetMyItineraryQuery(links["ann"]));
        var feedToken = Regex.Match(itinerary.CalendarUrl!, @"/c/([^/]+)$").Groups[1].Value;
        var ics = await app.SendAsync(new GetCalendarFeedQuery(feedToken));

        ics.Split("\r\n").Should().OnlyContain(l => Encoding.UTF8.GetByteCount(l) <= 75, "lines are folded at 75 octets");
        ics.Should().Contain("\r\n ", "the long description is folded");
        var calendar = await IcsParser.ParseAsync(ics);
        calendar.Zones.Should().Equal("Europe/London");
        calendar.Events.Should().HaveCount(2);
        var welcome = calendar.Events.Single(e => e.Uid == $"{before:N}@missionplanner");
        welcome.Summary.Should().Be("Welcome; drinks, and \"networking\"");
        welcome.Description.Should().StartWith("Line one\nLine two, with a comma; and a semicolon \\ backslash. éé").And.Contain("Dress code: Business casual");
        welcome.Tzid.Should().Be("Europe/London");
        welcome.StartUtc.Should().Be("2027-03-26T18:00:00Z", "18:00 in London is 18:00 UTC before the clocks change");
        calendar.Events.Single(e => e.Summary == "Lab tour").StartUtc.Should().Be("2027-03-28T08:00:00Z", "09:00 British Summer Time is 08:00 UTC");
        welcome.Status.Should().Be("CONFIRMED");

        await app.SendAsync(new UpdateProgrammeItemCommand("Lab tour (new time)", null, ProgrammeItemKind.LabTour,
            Start.AddDays(2).ToDateTime(new TimeOnly(10, 0)), Start.AddDays(2).ToDateTime(new TimeOnly(12, 0)), null, null, true,
            await app.QueryAsync(db => db.ProgrammeItems.Where(p => p.Id == after).Select(p => p.Version).SingleAsync()))
        { MissionId = mission, ItemId = after });
        await app.SendAsync(new CancelProgrammeItemCommand(mission, before));
        var changed = await IcsParser.ParseAsync(await app.SendAsync(new GetCalendarFeedQuery(feedToken)));
        var tour = changed.Events.Single(e => e.Uid == $"{after:N}@missionplanner");
        tour.Summary.Should().Be("Lab tour (new time)");
        tour.Sequence.Should().BeGreaterThan(calendar.Events.Single(e => e.Uid == $"{after:N}@missionplanner").Sequence, "a change raises SEQUENCE");
        var cancelled = changed.Events.Single(e => e.Uid == $"{before:N}@missionplanner");
        cancelled.Status.Should().Be("CANCELLED");
        cancelled.Sequence.Should().BeGreaterThan(welcome.Sequence);

        await app.SendAsync(new CancelMyRegistrationCommand(links["ann"]));
        (await IcsParser.ParseAsync(await app.SendAsync(new GetCalendarFeedQuery(feedToken)))).Events
            .Should().OnlyContain(e => e.Status == "CANCELLED", "someone who cancels sees their calendar clear itself");
    }

    [Theory, AllDatabases]
    public async Task Losing_and_regaining_a_place_moves_the_feeds_SEQUENCE_on_each_time_and_never_back(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider, Start, capacity: 1);
        var app = scenario.App;
        await app.SendAsync(new CreateProgrammeItemCommand("Symposium", null, ProgrammeItemKind.SymposiumSession,
            Start.ToDateTime(new TimeOnly(9, 0)), Start.ToDateTime(new TimeOnly(17, 0)), null, null, false)
        { MissionId = scenario.Mission });
        await scenario.InviteAsync(("ann@example.org", "Ann"), ("bob@example.org", "Bob"));
        await scenario.RegisterAllAsync();
        var feed = Regex.Match((await app.SendAsync(new GetMyItineraryQuery(scenario.RegistrationTokens["Ann"]))).CalendarUrl!, @"/c/([^/]+)$").Groups[1].Value;
        async Task<(int Sequence, string Status)> AnnsEventAsync()
        {
            var symposium = (await IcsParser.ParseAsync(await app.SendAsync(new GetCalendarFeedQuery(feed)))).Events.Single();
            return (symposium.Sequence, symposium.Status);
        }

        var confirmed = await AnnsEventAsync();
        confirmed.Status.Should().Be("CONFIRMED");
        await app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Waitlist) { MissionId = scenario.Mission, RegistrationId = scenario.RegistrationIds["Ann"] });
        var waitlisted = await AnnsEventAsync();
        waitlisted.Should().Match<(int Sequence, string Status)>(e => e.Status == "CANCELLED" && e.Sequence > confirmed.Sequence);
        await app.SendAsync(new CancelRegistrationCommand(scenario.Mission, scenario.RegistrationIds["Bob"]));
        var again = await AnnsEventAsync();
        again.Should().Match<(int Sequence, string Status)>(e => e.Status == "CONFIRMED" && e.Sequence > waitlisted.Sequence,
            "calendars holding the cancellation take only a later revision");
    }

    [Theory, AllDatabases]
    public async Task CalendarLinks_AreOnePersonsOnly_AndATamperedOneIsNotFound(DatabaseProvider provider)
    {
        var (app, _, links) = await ArrangeAsync(provider);
        await using var __ = app;
        var ann = Regex.Match((await app.SendAsync(new GetMyItineraryQuery(links["ann"]))).CalendarUrl!, @"/c/([^/]+)$").Groups[1].Value;
        var bob = Regex.Match((await app.SendAsync(new GetMyItineraryQuery(links["bob"]))).CalendarUrl!, @"/c/([^/]+)$").Groups[1].Value;
        ann.Should().NotBe(bob);

        foreach (var wrong in new[] { ann[..22] + bob[22..], ann[..^6] + (ann[^6] == 'A' ? 'B' : 'A') + ann[^5..], "x", new string('A', 48) })
        {
            await FluentActions.Awaiting(() => app.SendAsync(new GetCalendarFeedQuery(wrong))).Should().ThrowAsync<NotFoundException>(wrong);
        }
    }

    [Fact]
    public void TextIsEscaped_AndLinesFoldWithoutSplittingACharacter()
    {
        ICalendar.Text("a,b;c\\d\ne").Should().Be("a\\,b\\;c\\\\d\\ne");
        var ics = ICalendar.Write("T", TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"),
            [new CalendarEvent("u1", 0, new DateTime(2027, 5, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 1, 1, 0, 0, DateTimeKind.Utc),
                new string('€', 40), null, null, false, DateTime.UtcNow)]);
        var summary = ics[ics.IndexOf("SUMMARY:", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("\r\nSTATUS", StringComparison.Ordinal)];
        summary.Replace("\r\n ", "").Should().Be("SUMMARY:" + new string('€', 40), "unfolding gives back the text");
        ics.Should().Contain("TZOFFSETTO:+0900").And.NotContain("DAYLIGHT", "Tokyo has no daylight saving time");
    }

    private static Task<Guid> Item(Slice app, Guid mission, string title, int day, int from, int to, Guid? venue, string? description = null, string? dressCode = null) =>
        app.SendAsync(new CreateProgrammeItemCommand(title, description, ProgrammeItemKind.Talk, Start.AddDays(day).ToDateTime(new TimeOnly(from, 0)),
            Start.AddDays(day).ToDateTime(new TimeOnly(to, 0)), venue, null, true)
        { MissionId = mission, DressCode = dressCode });

}
