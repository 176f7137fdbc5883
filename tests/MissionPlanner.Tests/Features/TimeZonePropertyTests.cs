using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Programme;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>
/// One instant everywhere (issue 16, item 1): random programme items around the next offset change of a
/// zone, typed as wall-clock times or as instants. The rule for typed times is checked against the host's
/// own zone data (an oracle independent of the app's NodaTime), and the participant's calendar feed, read by
/// python3-icalendar, must give the API's instants.
/// </summary>
public sealed class TimeZonePropertyTests
{
    public static TheoryData<DatabaseProvider, string> Zones()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var zone in new[] { "Europe/London", "Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata" })
        {
            data.Add(DatabaseProvider.Sqlite, zone);
            data.Add(DatabaseProvider.Postgres, zone);
        }

        return data;
    }

    /// <summary>The next change of offset at least 40 days ahead (its UTC instant), or a plain day where the zone has none.</summary>
    private static DateTime NextTransition(TimeZoneInfo zone, DateTime fromUtc)
    {
        var offset = zone.GetUtcOffset(fromUtc);
        for (var t = fromUtc; t < fromUtc.AddYears(1); t = t.AddMinutes(30))
        {
            if (zone.GetUtcOffset(t) != offset)
            {
                return t;
            }
        }

        return fromUtc.Date.AddDays(2).AddHours(20); // no change: a day boundary in the zone's evening, UTC
    }

    [Theory, MemberData(nameof(Zones))]
    public async Task TypedTimes_FollowOneRule_AndTheFeedGivesTheApisInstants(DatabaseProvider provider, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var random = new Random(zoneId.Sum(c => c) * 7 + (int)provider); // stable: string hash codes differ per process
        var first = NextTransition(zone, DateTime.UtcNow.Date.AddDays(40));
        var second = NextTransition(zone, first.AddDays(7));
        var (gaps, twice) = (0, 0);
        foreach (var transitionUtc in new[] { first, second })
        {
            var (g, t) = await AroundAsync(provider, zone, transitionUtc, random);
            (gaps, twice) = (gaps + g, twice + t);
        }

        if (zone.GetUtcOffset(first) != zone.GetUtcOffset(first.AddHours(-1)))
        {
            gaps.Should().BePositive("some typed times fell in the hour the clocks skip");
            twice.Should().BePositive("some typed times fell in the hour that happens twice");
        }
    }

    /// <returns>How many typed items fell in a gap, and how many at a wall-clock time that happens twice.</returns>
    private static async Task<(int Gaps, int Twice)> AroundAsync(DatabaseProvider provider, TimeZoneInfo zone, DateTime transitionUtc, Random random)
    {
        var zoneId = zone.Id;
        var (gaps, twice) = (0, 0);
        var transitionDay = DateOnly.FromDateTime(MissionTime.ToLocal(transitionUtc, zone));
        await using var scenario = await Scenario.MissionAsync(provider, start: transitionDay.AddDays(-2), days: 5, zone: zoneId);
        var app = scenario.App;
        var transitionLocal = TimeZoneInfo.ConvertTimeFromUtc(transitionUtc, zone);
        var created = new List<(string Title, DateTime Start, DateTime End, bool Typed)>();

        for (var n = 0; n < 24; n++)
        {
            var title = $"Item {n}";
            var typed = n % 4 != 3;
            var start = typed
                ? DateTime.SpecifyKind(transitionLocal.AddMinutes(5 * random.Next(-40, 40)), DateTimeKind.Unspecified)
                : DateTime.SpecifyKind(transitionUtc.AddMinutes(5 * random.Next(-40, 40)), DateTimeKind.Utc);
            var end = start.AddMinutes(5 * random.Next(1, 48));
            var create = () => app.SendAsync(new CreateProgrammeItemCommand(title, null, ProgrammeItemKind.SymposiumSession, start, end, null, null, AllowsParallel: true)
            { MissionId = scenario.Mission });

            var gap = typed && (zone.IsInvalidTime(start) || zone.IsInvalidTime(end));
            var backwards = !gap && (typed ? ExpectedUtc(start, zone) : start) >= (typed ? ExpectedUtc(end, zone) : end);
            twice += typed && (zone.IsAmbiguousTime(start) || zone.IsAmbiguousTime(end)) ? 1 : 0;
            if (gap)
            {
                gaps++;
                var refused = (await create.Should().ThrowAsync<DomainException>($"{start:HH:mm}–{end:HH:mm} crosses a time that does not exist in {zoneId}")).Which;
                refused.Field.Should().Be(zone.IsInvalidTime(start) ? "StartsAt" : "EndsAt");
                refused.Message.Should().Contain("the clocks go forward").And.MatchRegex(@"Choose \d\d:\d\d or \d\d:\d\d\.");
                continue;
            }

            if (backwards)
            {
                await create.Should().ThrowAsync<Exception>("an end that is not after the start is refused, in instants");
                continue;
            }

            await create();
            created.Add((title, typed ? ExpectedUtc(start, zone) : start, typed ? ExpectedUtc(end, zone) : end, typed));
        }

        created.Should().NotBeEmpty();
        var items = (await app.SendAsync(new ListProgrammeItemsQuery(scenario.Mission))).ToDictionary(i => i.Title);
        foreach (var (title, start, end, typed) in created)
        {
            var item = items[title];
            item.StartsAt.UtcDateTime.Should().Be(start, $"{title} starts at one instant ({zoneId})");
            item.EndsAt.UtcDateTime.Should().Be(end, $"{title} ends at one instant ({zoneId})");
            item.StartsAt.Offset.Should().Be(zone.GetUtcOffset(start), "the API shows the offset in force at that instant");
            if (typed)
            {
                item.StartsAt.DateTime.Should().Be(TimeZoneInfo.ConvertTimeFromUtc(start, zone), "the wall clock typed comes back");
            }
        }

        await scenario.InviteAsync(1);
        await scenario.RegisterAllAsync();
        var url = (await app.SendAsync(new GetMyItineraryQuery(scenario.RegistrationTokens.Values.Single()))).CalendarUrl!;
        var feed = await app.SendAsync(new GetCalendarFeedQuery(url[(url.IndexOf("/c/", StringComparison.Ordinal) + 3)..]));
        var parsed = (await IcsParser.ParseAsync(feed)).Events.ToDictionary(e => e.Summary);

        foreach (var (title, start, end, _) in created)
        {
            var e = parsed[title];
            e.StartUtc.Should().Be(start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), $"the feed's {title} starts at the API's instant ({zoneId})");
            DateTimeOffset.Parse(e.End).UtcDateTime.Should().Be(end, $"the feed's {title} ends at the API's instant ({zoneId})");
        }

        return (gaps, twice);
    }

    /// <summary>The rule, from the host's zone data: a wall-clock time that happens twice is the first (larger offset).</summary>
    private static DateTime ExpectedUtc(DateTime local, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(local - (zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local)), DateTimeKind.Utc);

    [Theory, AllDatabases]
    public async Task Overlaps_AreJudgedInInstants_OnTheNightTheClocksGoBack(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider, start: new DateOnly(2027, 10, 29), days: 4);
        var app = scenario.App;
        Task<Guid> Plenary(string title, DateTime start, DateTime end) =>
            app.SendAsync(new CreateProgrammeItemCommand(title, null, ProgrammeItemKind.Talk, start, end, null, null, AllowsParallel: false) { MissionId = scenario.Mission });
        static DateTime Utc(int hour, int minute) => new(2027, 10, 31, hour, minute, 0, DateTimeKind.Utc);
        static DateTime Local(int hour, int minute) => new(2027, 10, 31, hour, minute, 0, DateTimeKind.Unspecified);

        // 01:30 BST (00:30Z) until 01:30 GMT (01:30Z): an hour by the clock on the wall that reads 01:30 twice.
        await Plenary("Night keynote", Utc(0, 30), Utc(1, 30));

        var firstOccurrence = () => Plenary("Typed 01:15–01:45", Local(1, 15), Local(1, 45));
        (await firstOccurrence.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("overlaps 'Night keynote'");
        (await Plenary("After, by the second 01:35", Utc(1, 35), Utc(2, 0))).Should().NotBeEmpty("01:35 GMT is after the keynote, though 01:35 came once before it");

        var items = await app.SendAsync(new ListProgrammeItemsQuery(scenario.Mission));
        MissionTime.OccurrenceNote(items.Single(i => i.Title == "Night keynote").StartsAt.UtcDateTime, items.Single(i => i.Title == "Night keynote").EndsAt.UtcDateTime,
                TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
            .Should().Be("Starts at the first 01:30, BST, UTC+01:00; ends at the second 01:30, GMT, UTC+00:00.");
    }
}
