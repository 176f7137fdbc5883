using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class ProgrammeTests
{
    private static async Task<(Slice App, Guid Mission, Guid Venue)> ArrangeAsync(DatabaseProvider provider)
    {
        var app = await Slice.CreateAsync(provider);
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London",
            new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 29)));
        var venue = await app.SendAsync(new CreateVenueCommand("Embassy", "38 Hyde Park Gate, London SW7 5DP", "London",
            VenueKind.Embassy, 51.5013, -0.1834)
        { MissionId = mission });
        return (app, mission, venue);
    }

    private static CreateProgrammeItemCommand Item(Guid mission, Guid? venue, DateTime starts, DateTime ends, bool parallel = false) =>
        new("Symposium", "Talks", ProgrammeItemKind.SymposiumSession, starts, ends, venue, 120, parallel) { MissionId = mission };

    [Theory, AllDatabases]
    public async Task LocalTimes_AreStoredAsInstants_AndShownInMissionTime_AcrossTheClockChange(DatabaseProvider provider)
    {
        var (app, mission, venue) = await ArrangeAsync(provider);
        await using var _ = app;

        // 28 March 2027: British Summer Time starts at 01:00 UTC.
        await app.SendAsync(Item(mission, venue, new DateTime(2027, 3, 27, 10, 0, 0), new DateTime(2027, 3, 27, 11, 0, 0)));
        await app.SendAsync(Item(mission, venue, new DateTime(2027, 3, 28, 10, 0, 0), new DateTime(2027, 3, 28, 11, 0, 0)));

        var items = await app.SendAsync(new ListProgrammeItemsQuery(mission));
        items.Select(i => i.StartsAt.ToString("yyyy-MM-dd HH:mm zzz")).Should().Equal("2027-03-27 10:00 +00:00", "2027-03-28 10:00 +01:00");
        items.Select(i => i.StartsAt.UtcDateTime.Hour).Should().Equal(10, 9);
        items[0].VenueName.Should().Be("Embassy");
    }

    [Theory, AllDatabases]
    public async Task A_time_that_happens_twice_is_its_first_occurrence_everywhere_and_one_that_does_not_happen_is_refused(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);
        var autumn = await app.SendAsync(new CreateMissionCommand("Delft mission", null, "United Kingdom", "London", "Europe/London",
            new DateOnly(2027, 10, 29), new DateOnly(2027, 11, 1)));
        // 31 October 2027: the clocks go back at 02:00 BST, so 01:30 happens at 00:30 UTC and again at 01:30 UTC.
        var night = await app.SendAsync(Item(autumn, null, new DateTime(2027, 10, 31, 1, 30, 0), new DateTime(2027, 10, 31, 1, 45, 0), parallel: true));

        var read = (await app.SendAsync(new ListProgrammeItemsQuery(autumn, night))).Single();
        read.StartsAt.Should().Be(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.FromHours(1)), "the first 01:30, shown with the offset chosen");
        read.StartsAt.UtcDateTime.Should().Be(new DateTime(2027, 10, 31, 0, 30, 0));
        var ics = ICalendar.Write("Delft mission", TimeZoneInfo.FindSystemTimeZoneById("Europe/London"),
            [new CalendarEvent("u1", 0, read.StartsAt.UtcDateTime, read.EndsAt.UtcDateTime, "Night", null, null, false, DateTime.UtcNow)]);
        var parsed = (await IcsParser.ParseAsync(ics)).Events.Single();
        parsed.StartUtc.Should().Be("2027-10-31T00:30:00Z", "a calendar reads the same instant as the API");

        // 28 March 2027: the clocks go forward at 01:00 GMT, so no 01:30 that night.
        var spring = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London",
            new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 29)));
        var gap = () => app.SendAsync(Item(spring, null, new DateTime(2027, 3, 28, 1, 30, 0), new DateTime(2027, 3, 28, 3, 0, 0), parallel: true));
        var refused = (await gap.Should().ThrowAsync<DomainException>()).Which;
        refused.Field.Should().Be("StartsAt");
        refused.Message.Should().Contain("does not exist").And.Contain("00:59").And.Contain("02:00");
    }

    [Theory, AllDatabases]
    public async Task Items_OutsideTheMissionDays_OrEndingBeforeTheyStart_AreRefused(DatabaseProvider provider)
    {
        var (app, mission, venue) = await ArrangeAsync(provider);
        await using var _ = app;

        var before = () => app.SendAsync(Item(mission, venue, new DateTime(2027, 3, 25, 23, 0, 0), new DateTime(2027, 3, 26, 1, 0, 0)));
        var after = () => app.SendAsync(Item(mission, venue, new DateTime(2027, 3, 29, 23, 30, 0), new DateTime(2027, 3, 30, 0, 30, 0)));
        var backwards = () => app.SendAsync(Item(mission, venue, new DateTime(2027, 3, 27, 11, 0, 0), new DateTime(2027, 3, 27, 10, 0, 0)));

        (await before.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("StartsAt");
        (await after.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("2027-03-26 to 2027-03-29");
        (await backwards.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "EndsAt");
        (await app.CountAsync<ProgrammeItem>()).Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task PlenaryItems_MayNotOverlap_ButParallelItemsMay(DatabaseProvider provider)
    {
        var (app, mission, venue) = await ArrangeAsync(provider);
        await using var _ = app;
        var nine = new DateTime(2027, 3, 27, 9, 0, 0);
        await app.SendAsync(Item(mission, venue, nine, nine.AddHours(2)));

        var clash = () => app.SendAsync(Item(mission, venue, nine.AddHours(1), nine.AddHours(3)));
        (await clash.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("overlaps 'Symposium'");

        await app.SendAsync(Item(mission, venue, nine.AddHours(1), nine.AddHours(3), parallel: true));
        await app.SendAsync(Item(mission, venue, nine.AddHours(1), nine.AddHours(3), parallel: true));
        await app.SendAsync(Item(mission, venue, nine.AddHours(2), nine.AddHours(3)));
        (await app.CountAsync<ProgrammeItem>()).Should().Be(4);
    }

    [Theory, AllDatabases]
    public async Task A_cancelled_item_takes_no_time_a_replacement_fits_and_the_mission_may_shrink_past_it(DatabaseProvider provider)
    {
        var (app, mission, venue) = await ArrangeAsync(provider);
        await using var _ = app;
        var ten = new DateTime(2027, 3, 29, 10, 0, 0);
        var keynote = await app.SendAsync(Item(mission, venue, ten, ten.AddHours(1)) with { Title = "Keynote" });
        var screened = await app.SendAsync(Item(mission, venue, ten.AddHours(2), ten.AddHours(3)) with { Title = "Secure lab", RequiresIdScreening = true });
        await app.SendAsync(new CancelProgrammeItemCommand(mission, keynote));
        await app.SendAsync(new CancelProgrammeItemCommand(mission, screened));

        await app.SendAsync(Item(mission, venue, ten, ten.AddHours(1)) with { Title = "Replacement keynote" });
        (await app.SendAsync(new MissionPlanner.Features.Registrations.GetRegistrationFormQuery(mission))).AsksIdDetails
            .Should().BeFalse("the only item that screened visitors is cancelled");
        await app.SendAsync(new DeleteProgrammeItemCommand(mission,
            await app.QueryAsync(db => db.ProgrammeItems.Where(p => p.Title == "Replacement keynote").Select(p => p.Id).SingleAsync())));
        await app.SendAsync(new UpdateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London",
            new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 28), 0)
        { MissionId = mission });
        (await app.SendAsync(new GetMissionQuery(mission))).EndDate.Should().Be(new DateOnly(2027, 3, 28), "cancelled items do not hold the last day");
    }

    [Theory, AllDatabases]
    public async Task Venues_FromAnotherMission_AreUnknown_AndVenuesInUse_CannotBeDeleted(DatabaseProvider provider)
    {
        var (app, mission, venue) = await ArrangeAsync(provider);
        await using var _ = app;
        var other = await app.SendAsync(new CreateMissionCommand("Other", null, "Germany", "Berlin", "Europe/Berlin",
            new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 29)));
        var nine = new DateTime(2027, 3, 27, 9, 0, 0);

        var foreign = () => app.SendAsync(Item(other, venue, nine, nine.AddHours(1)));
        (await foreign.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("VenueId");

        await app.SendAsync(Item(mission, venue, nine, nine.AddHours(1)));
        var delete = () => app.SendAsync(new DeleteVenueCommand(mission, venue));
        (await delete.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("used by 1 programme item");
        (await app.CountAsync<Venue>()).Should().Be(1);
    }

    [Theory, AllDatabases]
    public async Task Shrinking_TheMission_IsRefused_WhileItemsFallOutside(DatabaseProvider provider)
    {
        var (app, mission, venue) = await ArrangeAsync(provider);
        await using var _ = app;
        await app.SendAsync(Item(mission, venue, new DateTime(2027, 3, 29, 9, 0, 0), new DateTime(2027, 3, 29, 10, 0, 0)));

        var shrink = () => app.SendAsync(new UpdateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London",
            new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 28), 0)
        { MissionId = mission });

        (await shrink.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("1 programme item(s)");
        (await app.SendAsync(new GetMissionQuery(mission))).EndDate.Should().Be(new DateOnly(2027, 3, 29));
    }

    [Theory, AllDatabases]
    public async Task Update_ChangesTheItem_AndAStaleVersionIsRefused(DatabaseProvider provider)
    {
        var (app, mission, venue) = await ArrangeAsync(provider);
        await using var _ = app;
        var nine = new DateTime(2027, 3, 27, 9, 0, 0);
        var id = await app.SendAsync(Item(mission, venue, nine, nine.AddHours(1)));
        UpdateProgrammeItemCommand Move(int hours, int version) => new("Panel", null, ProgrammeItemKind.Panel, nine.AddHours(hours),
            nine.AddHours(hours + 1), null, null, false, version)
        { MissionId = mission, ItemId = id };

        await app.SendAsync(Move(2, 0));
        await FluentActions.Awaiting(() => app.SendAsync(Move(4, 0))).Should().ThrowAsync<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>();

        var item = (await app.SendAsync(new ListProgrammeItemsQuery(mission))).Single();
        item.Should().BeEquivalentTo(new { Title = "Panel", Kind = ProgrammeItemKind.Panel, VenueId = (Guid?)null, Capacity = (int?)null, Version = 1 });
        item.StartsAt.Hour.Should().Be(11);
    }
}
