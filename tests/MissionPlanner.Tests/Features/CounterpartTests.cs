using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Meetings;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>B2B counterparts (issue 17, items 1 and 3): added or imported, invited to their own page, their profile and times, the directory.</summary>
public sealed class CounterpartTests
{
    private static AddCounterpartCommand Sam(Guid mission) =>
        new("Sam Patel", " Sam@RR.example ", "Rolls-Royce", Sector.Industry, "United Kingdom", "neuromorphic; edge AI, Edge AI") { MissionId = mission };

    private static async Task<string> LinkAsync(Slice app, string email) =>
        System.Text.RegularExpressions.Regex.Match(
            await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "counterpart-invitation" && m.ToAddress == email)
                .OrderByDescending(m => m.CreatedAt).Select(m => m.TextBody).FirstAsync()), @"/m/([A-Za-z0-9_\-]+)").Groups[1].Value;

    [Theory, AllDatabases]
    public async Task ACounterpartIsInvitedToTheirPage_CompletesTheirProfileAndTimes_AndAppearsInTheDirectoryOnlyWhenListed(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider, start: new DateOnly(2027, 3, 26), days: 3);
        var app = scenario.App;
        var mission = scenario.Mission;
        var sam = await app.SendAsync(Sam(mission));
        var twice = () => app.SendAsync(Sam(mission) with { Name = "Sam P." });
        (await twice.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Email");

        (await app.SendAsync(new InviteCounterpartsCommand(Message: "Glad to introduce you.") { MissionId = mission })).Should().Be(1);
        (await app.SendAsync(new InviteCounterpartsCommand() { MissionId = mission })).Should().Be(0, "everyone is invited already");
        var email = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "counterpart-invitation"));
        email.Should().BeEquivalentTo(new { ToAddress = "sam@rr.example", Subject = "Meet the delegation of NL–UK mission" });
        email.TextBody.Should().Contain("Dear Sam Patel").And.Contain("Rolls-Royce").And.Contain("Glad to introduce you.");
        var token = await LinkAsync(app, "sam@rr.example");

        var page = await app.SendAsync(new GetCounterpartPageQuery(token));
        page.Should().BeEquivalentTo(new { Name = "Sam Patel", Topics = "neuromorphic; edge AI", Listed = false });
        page.Days.Select(d => d.Day).Should().Equal(new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 27), new DateOnly(2027, 3, 28));
        (await app.SendAsync(new GetDirectoryQuery(mission, new DirectoryFilter()))).Entries.Should().NotContain(e => e.Kind == DirectoryKind.Counterpart,
            "nobody is listed without agreeing");

        // London, the night the clocks go forward: 01:30 on the 28th does not exist.
        var gap = () => app.SendAsync(new UpdateMyCounterpartProfileCommand(token, "photonics", null, null, null, true,
            [new DayAvailability(new DateOnly(2027, 3, 28), new TimeOnly(1, 30), new TimeOnly(4, 0))]));
        (await gap.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("Choose 00:59 or 02:00");
        var halfDay = () => app.SendAsync(new UpdateMyCounterpartProfileCommand(token, null, null, null, null, true,
            [new DayAvailability(new DateOnly(2027, 3, 26), new TimeOnly(9, 0), null)]));
        (await halfDay.Should().ThrowAsync<ValidationException>()).Which.Errors.Single().ErrorMessage.Should().Contain("Friday 26 March");
        var outside = () => app.SendAsync(new UpdateMyCounterpartProfileCommand(token, null, null, null, null, true,
            [new DayAvailability(new DateOnly(2027, 3, 30), new TimeOnly(9, 0), new TimeOnly(10, 0))]));
        await outside.Should().ThrowAsync<DomainException>();

        await app.SendAsync(new UpdateMyCounterpartProfileCommand(token, "neuromorphic; space", "Test facilities", "Start-ups with edge chips", "Aerospace.", true,
        [
            new DayAvailability(new DateOnly(2027, 3, 26), new TimeOnly(9, 0), new TimeOnly(12, 0)),
            new DayAvailability(new DateOnly(2027, 3, 27), null, null),
            new DayAvailability(new DateOnly(2027, 3, 28), new TimeOnly(14, 0), new TimeOnly(17, 30)),
        ]));

        var stored = await app.SendAsync(new GetCounterpartQuery(mission, sam));
        stored.Availability.Should().Equal(
            new AvailabilitySpan(new DateTime(2027, 3, 26, 9, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 26, 12, 0, 0, DateTimeKind.Utc)),
            new AvailabilitySpan(new DateTime(2027, 3, 28, 13, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 28, 16, 30, 0, DateTimeKind.Utc)));
        (await app.SendAsync(new GetCounterpartPageQuery(token))).Days[2].Should().Be(new DayAvailability(new DateOnly(2027, 3, 28), new TimeOnly(14, 0), new TimeOnly(17, 30)),
            "times come back as typed, in summer time");
        var directory = await app.SendAsync(new GetDirectoryQuery(mission, new DirectoryFilter(Topic: "SPACE")));
        directory.Entries.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = DirectoryKind.Counterpart, Name = "Sam Patel", Offers = "Test facilities" });
        (await app.SendAsync(new GetDirectoryQuery(mission, new DirectoryFilter(Sector: Sector.Academia)))).Entries.Should().BeEmpty();
        (await app.SendAsync(new GetDirectoryQuery(mission, new DirectoryFilter(Search: "edge chips")))).Entries.Should().ContainSingle();

        var calendarUrl = (await app.SendAsync(new GetCounterpartPageQuery(token))).CalendarUrl!;
        var calendarToken = calendarUrl[(calendarUrl.LastIndexOf('/') + 1)..];
        (await app.SendAsync(new MissionPlanner.Features.Itinerary.GetCalendarFeedQuery(calendarToken))).Should().StartWith("BEGIN:VCALENDAR");
        await app.SendAsync(new RemoveCounterpartCommand(mission, sam));

        await FluentActions.Awaiting(() => app.SendAsync(new GetCounterpartPageQuery(token))).Should().ThrowAsync<NotFoundException>("a removed counterpart's link stops working");
        await FluentActions.Awaiting(() => app.SendAsync(new MissionPlanner.Features.Itinerary.GetCalendarFeedQuery(calendarToken)))
            .Should().ThrowAsync<NotFoundException>("and their calendar's");
        (await app.SendAsync(new GetDirectoryQuery(mission, new DirectoryFilter()))).Entries.Should().NotContain(e => e.Kind == DirectoryKind.Counterpart);
        (await app.QueryAsync(db => db.PersonalLinks.Where(l => l.SubjectId == sam).Select(l => l.RevokedReason).ToListAsync()))
            .Should().Equal(PersonalLink.Reasons.Removed, PersonalLink.Reasons.Removed);
    }

    [Theory, AllDatabases]
    public async Task TheDelegationOnACounterpartsPage_IsOnlyConfirmedDelegatesWhoAgreedToBeListed(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider, capacity: 2);
        var app = scenario.App;
        await scenario.InviteAsync(3);
        await scenario.RegisterAllAsync(name => new MissionPlanner.Features.Registrations.RegistrationDetails(name, "TU Delft", Sector.Academia,
            MissionPlanner.Domain.Registrations.DelegationRole.Member, ConsentProcessing: true, ConsentListing: name != "Person 1", Bio: $"{name} works on memristors.")
        {
            // Everyone agrees to show their profile: this test is about who is listed at all.
            ShareProfile = true,
        });
        await app.SendAsync(new AddCounterpartCommand("Sam Patel", "sam@rr.example", "Rolls-Royce", Sector.Industry) { MissionId = scenario.Mission });
        await app.SendAsync(new InviteCounterpartsCommand() { MissionId = scenario.Mission });

        var page = await app.SendAsync(new GetCounterpartPageQuery(await LinkAsync(app, "sam@rr.example")));

        // Person 0 and 1 are confirmed, Person 2 waits; Person 1 did not agree to be listed.
        page.Delegation.Entries.Select(e => (e.Kind, e.Name, e.Profile)).Should().Equal((DirectoryKind.Delegate, "Person 0", "Person 0 works on memristors."));
    }

    [Theory, AllDatabases]
    public async Task ASpreadsheetOfCounterparts_IsCheckedByRow_AndImportedWithoutEmailingAnyone(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider);
        var app = scenario.App;
        await app.SendAsync(new AddCounterpartCommand("Sam Patel", "sam@rr.example", "Rolls-Royce", Sector.Industry) { MissionId = scenario.Mission });
        var csv = "First name;Surname;E-mail;Company;Type;Country;Interests;Looking for\n"
                  + "Priya;Shah;priya@arm.example;Arm;industry;United Kingdom;edge AI, chips;partners\n"
                  + "Tom;;sam@rr.example;Rolls-Royce;industry;;;\n"          // line 3: already a counterpart
                  + "Lee;Wong;lee@ucl.example;UCL;faculty;United Kingdom;;\n"; // line 4: not a sector

        var all = await app.SendAsync(new ImportCounterpartsCommand(csv) { MissionId = scenario.Mission });

        all.Imported.Should().Be(0);
        all.Errors.Select(e => (e.Line, e.Column)).Should().Equal((3, "email"), (4, "sector"));
        var valid = await app.SendAsync(new ImportCounterpartsCommand(csv, ImportValidRowsOnly: true) { MissionId = scenario.Mission });
        valid.Imported.Should().Be(1);
        (await app.SendAsync(new ListCounterpartsQuery(scenario.Mission))).Single(c => c.Email == "priya@arm.example")
            .Should().BeEquivalentTo(new { Name = "Priya Shah", Organisation = "Arm", Country = "United Kingdom", Topics = "edge AI; chips", Seeks = "partners", InvitedAt = (DateTime?)null });
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync())).Should().Be(0, "importing emails nobody");
    }

    [Theory, AllDatabases]
    public async Task ANewAddressIsANewPerson_AndARemovedCounterpartCanBeAddedAgain(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider);
        var app = scenario.App;
        var mission = scenario.Mission;
        var sam = await app.SendAsync(Sam(mission));
        await app.SendAsync(new InviteCounterpartsCommand() { MissionId = mission });
        await app.SendAsync(new UpdateMyCounterpartProfileCommand(await LinkAsync(app, "sam@rr.example"), "AI", null, null, null, true, []));

        var current = await app.SendAsync(new GetCounterpartQuery(mission, sam));
        await app.SendAsync(new UpdateCounterpartCommand("Kim Lee", "kim@rr.example", "Rolls-Royce", Sector.Industry, null, "AI", null, null, null, current.Version)
        { MissionId = mission, CounterpartId = sam });

        (await app.SendAsync(new GetCounterpartQuery(mission, sam))).Should().BeEquivalentTo(new { Email = "kim@rr.example", Listed = false, InvitedAt = (DateTime?)null },
            "the new address has not agreed to anything and has no link yet");
        (await app.SendAsync(new InviteCounterpartsCommand() { MissionId = mission })).Should().Be(1, "the new address is invited with the others not invited yet");

        await app.SendAsync(new RemoveCounterpartCommand(mission, sam));
        var again = await app.SendAsync(new AddCounterpartCommand("Kim Lee", "kim@rr.example", "Rolls-Royce", Sector.Industry) { MissionId = mission });

        again.Should().Be(sam, "one row per address: the removed counterpart comes back");
        (await app.SendAsync(new ListCounterpartsQuery(mission))).Should().ContainSingle().Which.InvitedAt.Should().BeNull();
    }

    [Theory, AllDatabases]
    public async Task TwoAddsOfOneAddressAtOnce_LeaveOneRow_AndTheLoserIsAUniqueViolation_NotAnUnknownError(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider);
        var app = scenario.App;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await app.SendAsync(Sam(scenario.Mission));
                return "added";
            }
            catch (DomainException)
            {
                return "refused";
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                return "refused";
            }
        }));

        results.Count(r => r == "added").Should().Be(1);
        (await app.QueryAsync(db => db.Counterparts.CountAsync())).Should().Be(1);

        // The index itself, past the checks: the database's own refusal is recognised on both providers.
        var direct = () => app.QueryAsync(async db =>
        {
            db.Counterparts.Add(new Counterpart(scenario.Mission, "Sam Again", "sam@rr.example", "RR", Sector.Industry, null, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        (await direct.Should().ThrowAsync<DbUpdateException>()).Which.Should().Match<DbUpdateException>(e => UniqueViolation.Is(e));
    }
}
