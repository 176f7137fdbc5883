using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Links;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Features.Visits;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>Every link given to a person is a row of one kind (PersonalLink), found by one lookup with one rule.</summary>
public sealed class PersonalLinkTests
{
    [Theory, AllDatabases]
    public async Task A_link_opens_only_what_it_was_given_for(DatabaseProvider provider)
    {
        await using var scenario = await RegisteredAsync(provider, invited: 2);
        var app = scenario.App;
        var registration = scenario.RegistrationTokens["Person 0"];
        var invitation = scenario.InvitationTokens["p1@example.org"];
        var calendar = Calendar((await app.SendAsync(new GetMyItineraryQuery(registration))).CalendarUrl!);

        await NotFound(() => app.SendAsync(new GetInvitationByTokenQuery(registration)));
        await NotFound(() => app.SendAsync(new GetMyRegistrationQuery(invitation)));
        await NotFound(() => app.SendAsync(new GetMyRegistrationQuery(calendar)));
        await NotFound(() => app.SendAsync(new GetCalendarFeedQuery(registration)));
        (await app.SendAsync(new GetCalendarFeedQuery(calendar + ".ics"))).Should().StartWith("BEGIN:VCALENDAR");
        (await app.QueryAsync(db => db.PersonalLinks.CountAsync(l => l.TokenHash == registration || l.TokenHash == calendar)))
            .Should().Be(0, "only hashes are stored");
    }

    [Theory, AllDatabases]
    public async Task Each_use_is_recorded_at_most_once_a_minute(DatabaseProvider provider)
    {
        await using var scenario = await RegisteredAsync(provider);
        var app = scenario.App;
        var token = scenario.RegistrationTokens["Person 0"];
        async Task<DateTime?> LastUsed()
        {
            await app.Services.GetRequiredService<LinkUses>().FlushAsync();
            return await app.QueryAsync(db => db.PersonalLinks
                .Where(l => l.Purpose == LinkPurpose.Registration && l.RevokedAt == null).Select(l => l.LastUsedAt).SingleAsync());
        }

        (await LastUsed()).Should().BeNull("the link was emailed, not used yet");

        await app.SendAsync(new GetMyRegistrationQuery(token));
        var first = app.Clock.GetUtcNow().UtcDateTime;
        (await LastUsed()).Should().BeCloseTo(first, TimeSpan.FromMilliseconds(1));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await app.SendAsync(new GetMyRegistrationQuery(token));
        (await LastUsed()).Should().BeCloseTo(first, TimeSpan.FromMilliseconds(1), "uses within a minute are not written again");
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await app.SendAsync(new GetMyItineraryQuery(token));
        (await LastUsed()).Should().BeCloseTo(app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMilliseconds(1));
    }

    [Theory, AllDatabases]
    public async Task Moving_the_mission_later_moves_every_links_expiry_with_it(DatabaseProvider provider)
    {
        await using var scenario = await RegisteredAsync(provider, invited: 2, days: 2);
        var app = scenario.App;
        var invitation = scenario.InvitationTokens["p1@example.org"];
        var registration = scenario.RegistrationTokens["Person 0"];
        var mission = await app.QueryAsync(db => db.Missions.AsNoTracking().SingleAsync());
        var oldExpiry = mission.LinksExpireAt;

        await app.SendAsync(new UpdateMissionCommand(mission.Title, mission.Summary, mission.HostCountry, mission.HostCity, "Asia/Tokyo",
            mission.StartDate.AddDays(30), mission.EndDate.AddDays(30), mission.Version)
        { MissionId = mission.Id });

        var moved = await app.QueryAsync(db => db.Missions.AsNoTracking().SingleAsync());
        var expiry = app.Services.GetRequiredService<LinkExpiry>();
        var links = await app.QueryAsync(db => db.PersonalLinks.AsNoTracking().ToListAsync());
        links.Should().HaveCount(4, "two invitations, a registration and its calendar feed");
        links.Should().OnlyContain(l => l.ExpiresAt == expiry.For(l.Purpose, moved), "stamped again from the new dates, in the new time zone");
        moved.LinksExpireAt.Should().Be(oldExpiry.AddDays(30).AddHours(-9), "Tokyo's midnight is 9 hours before London's in winter");

        app.Clock.Advance(oldExpiry - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromDays(1));
        (await app.SendAsync(new GetInvitationByTokenQuery(invitation))).Name.Should().Be("Person 1", "the old expiry has passed, the new one has not");
        (await app.SendAsync(new GetMyRegistrationQuery(registration))).Name.Should().Be("Person 0");
        app.Clock.Advance(moved.LinksExpireAt - app.Clock.GetUtcNow().UtcDateTime);
        await NotFound(() => app.SendAsync(new GetInvitationByTokenQuery(invitation)));
    }

    [Theory, AllDatabases]
    public async Task The_data_export_lists_a_persons_links_and_erasing_them_revokes_every_one(DatabaseProvider provider)
    {
        await using var scenario = await RegisteredAsync(provider);
        var app = scenario.App;
        var invitation = scenario.InvitationTokens["p0@example.org"];
        var registration = scenario.RegistrationTokens["Person 0"];
        var calendar = Calendar((await app.SendAsync(new GetMyItineraryQuery(registration))).CalendarUrl!);

        await app.Services.GetRequiredService<LinkUses>().FlushAsync();
        var export = await app.SendAsync(new ExportPersonalDataQuery(registration));
        var links = JsonDocument.Parse(export).RootElement.GetProperty("links").EnumerateArray().ToList();
        links.Select(l => l.GetProperty("purpose").GetString()).Should().BeEquivalentTo(["Invitation", "Registration", "CalendarFeed"]);
        links.Should().OnlyContain(l => l.GetProperty("expiresAt").GetDateTime() > app.Clock.GetUtcNow().UtcDateTime);
        links.Single(l => l.GetProperty("purpose").GetString() == "Registration").GetProperty("lastUsedAt").ValueKind.Should().NotBe(JsonValueKind.Null);
        export.Should().NotContain(registration).And.NotContain(calendar).And.NotContain(invitation, "the export names links, never their secrets");

        await app.SendAsync(new ErasePersonCommand(scenario.Mission, scenario.RegistrationIds["Person 0"]));

        await NotFound(() => app.SendAsync(new GetMyRegistrationQuery(registration)));
        await NotFound(() => app.SendAsync(new GetCalendarFeedQuery(calendar)));
        await NotFound(() => app.SendAsync(new GetInvitationByTokenQuery(invitation)));
        (await app.QueryAsync(db => db.PersonalLinks.AsNoTracking().ToListAsync()))
            .Should().OnlyContain(l => l.RevokedAt != null && l.RevokedReason == PersonalLink.Reasons.Erased);
    }

    [Theory, AllDatabases]
    public async Task Withdrawing_an_invitation_revokes_its_link_and_a_resent_one_replaces_it(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider);
        await scenario.InviteAsync(2);
        var app = scenario.App;
        var ids = await app.QueryAsync(db => db.Invitations.ToDictionaryAsync(i => i.Email, i => i.Id));

        await app.SendAsync(new ResendInvitationCommand(scenario.Mission, ids["p0@example.org"]));
        await NotFound(() => app.SendAsync(new GetInvitationByTokenQuery(scenario.InvitationTokens["p0@example.org"])));
        // The import's email carries its batch; the one sent again has none.
        var resent = EmailLinks.TokenOf(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "p0@example.org" && m.Batch == null)
            .Select(m => m.TextBody).SingleAsync()), LinkKind.Invitation);
        (await app.SendAsync(new GetInvitationByTokenQuery(resent))).Name.Should().Be("Person 0");

        await app.SendAsync(new RevokeInvitationCommand(scenario.Mission, ids["p1@example.org"]));
        await NotFound(() => app.SendAsync(new GetInvitationByTokenQuery(scenario.InvitationTokens["p1@example.org"])));
        (await app.QueryAsync(db => db.PersonalLinks.Where(l => l.SubjectId == ids["p1@example.org"]).Select(l => l.RevokedReason).SingleAsync()))
            .Should().Be(PersonalLink.Reasons.InvitationRevoked);
    }

    [Theory, AllDatabases]
    public async Task A_registration_without_a_calendar_link_row_gets_the_address_it_had_before_links_were_stored(DatabaseProvider provider)
    {
        await using var scenario = await RegisteredAsync(provider);
        var app = scenario.App;
        var id = scenario.RegistrationIds["Person 0"];
        var before = (await app.SendAsync(new GetMyItineraryQuery(scenario.RegistrationTokens["Person 0"]))).CalendarUrl!;
        Calendar(before).Should().Be(app.Services.GetRequiredService<CalendarLinks>().Token(id),
            "a registration's first calendar link is its id signed, as every calendar link was before they were stored (ADR 0013)");
        await app.QueryAsync(db => db.PersonalLinks.Where(l => l.Purpose == LinkPurpose.CalendarFeed).ExecuteDeleteAsync());
        await NotFound(() => app.SendAsync(new GetCalendarFeedQuery(Calendar(before))));

        await StartAsync(app);

        (await app.SendAsync(new GetCalendarFeedQuery(Calendar(before)))).Should().StartWith("BEGIN:VCALENDAR", "the next start records the link again");
        (await app.SendAsync(new GetMyItineraryQuery(scenario.RegistrationTokens["Person 0"]))).CalendarUrl.Should().Be(before);
    }

    [Theory, AllDatabases]
    public async Task After_the_encryption_key_is_rotated_the_old_calendar_address_keeps_working_and_pages_show_a_new_one(DatabaseProvider provider)
    {
        await using var scenario = await RegisteredAsync(provider, new Dictionary<string, string?> { ["Privacy:EncryptionKey"] = Key(1) });
        var token = scenario.RegistrationTokens["Person 0"];
        var before = (await scenario.App.SendAsync(new GetMyItineraryQuery(token))).CalendarUrl!;

        await using var rotated = Slice.Over(scenario.App.Database, Settings(("Privacy:EncryptionKey", Key(2)), ("Privacy:PreviousEncryptionKeys:0", Key(1))));
        await StartAsync(rotated);
        await StartAsync(rotated);

        var after = (await rotated.SendAsync(new GetMyItineraryQuery(token))).CalendarUrl!;
        after.Should().NotBe(before, "the old address's secret cannot be derived with the new key");
        (await rotated.SendAsync(new GetCalendarFeedQuery(Calendar(before)))).Should().StartWith("BEGIN:VCALENDAR", "subscribed calendars keep working");
        (await rotated.SendAsync(new GetCalendarFeedQuery(Calendar(after)))).Should().StartWith("BEGIN:VCALENDAR");
        (await rotated.QueryAsync(db => db.PersonalLinks.CountAsync(l => l.Purpose == LinkPurpose.CalendarFeed)))
            .Should().Be(2, "one new link per person, however often the app starts");

        await using var compromised = Slice.Over(scenario.App.Database,
            Settings(("Privacy:EncryptionKey", Key(2)), ("Privacy:PreviousEncryptionKeys:0", Key(1)), ("Privacy:RevokeCalendarLinksOfPreviousKeys", "true")));
        await StartAsync(compromised);
        await NotFound(() => compromised.SendAsync(new GetCalendarFeedQuery(Calendar(before))));
        (await compromised.SendAsync(new GetCalendarFeedQuery(Calendar(after)))).Should().StartWith("BEGIN:VCALENDAR");
    }

    [Theory, AllDatabases]
    public async Task A_changed_expiry_rule_reaches_the_links_already_given_at_the_next_start(DatabaseProvider provider)
    {
        await using var scenario = await RegisteredAsync(provider, new Dictionary<string, string?> { ["Auth:RegistrationLinkDaysAfterMission"] = "90" });
        await StartAsync(scenario.App);
        var mission = await scenario.App.QueryAsync(db => db.Missions.AsNoTracking().SingleAsync());
        Task<DateTime> RegistrationLinkExpiry(Slice app) => app.QueryAsync(db => db.PersonalLinks
            .Where(l => l.Purpose == LinkPurpose.Registration).Select(l => l.ExpiresAt).SingleAsync());
        (await RegistrationLinkExpiry(scenario.App)).Should().Be(mission.UtcWindow().To.AddDays(90));

        await using var shorter = Slice.Over(scenario.App.Database, Settings(("Auth:RegistrationLinkDaysAfterMission", "14")));
        await StartAsync(shorter);

        (await RegistrationLinkExpiry(shorter)).Should().Be(mission.UtcWindow().To.AddDays(14), "the organisers shortened how long personal data is reachable");
        (await shorter.QueryAsync(db => db.PersonalLinks.Where(l => l.Purpose == LinkPurpose.Invitation).Select(l => l.ExpiresAt).SingleAsync()))
            .Should().Be(mission.LinksExpireAt);
    }

    private static string Key(byte seed) => Convert.ToBase64String(Enumerable.Repeat(seed, 32).ToArray());

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] settings) =>
        settings.Append(("Auth:PublicBaseUrl", Scenario.PublicBaseUrl)).ToDictionary(s => s.Item1, s => (string?)s.Item2);

    /// <summary>A mission with <paramref name="invited"/> people invited (p0, p1, …), of whom Person 0 registered.</summary>
    private static async Task<Scenario> RegisteredAsync(DatabaseProvider provider, Dictionary<string, string?>? settings = null, int invited = 1, int days = 4)
    {
        var scenario = await Scenario.MissionAsync(provider, days: days, settings: settings);
        await scenario.InviteAsync(invited);
        await scenario.RegisterAsync("p0@example.org");
        return scenario;
    }

    /// <summary>What an app start does to the database: migrate (nothing pending here) and the follow-ups.</summary>
    private static async Task StartAsync(Slice app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance, scope.ServiceProvider.GetServices<IMigrationFollowUp>()).MigrateAsync();
    }

    [Theory, AllDatabases]
    public async Task A_hosts_new_contact_person_ends_the_previous_contacts_link(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider);
        var (app, mission) = (scenario.App, scenario.Mission);
        var lab = await app.SendAsync(new CreateVenueCommand("QuTech", "Lorentzweg 1", "Delft", VenueKind.Lab, null, null) { MissionId = mission });
        var host = await app.SendAsync(new CreateHostCommand("QuTech", "Dr Jane Smith", "jane@qutech.example", null) { MissionId = mission });
        var day = scenario.Start.AddDays(1);
        await app.SendAsync(new CreateVisitCommand(host, lab, "Quantum lab tour", ProgrammeItemKind.LabTour, 60, 2, 8,
            [new VisitWindowInput(day.ToDateTime(new TimeOnly(10, 0)), day.ToDateTime(new TimeOnly(12, 0)))])
        { MissionId = mission });
        await app.SendAsync(new SendHostRequestsCommand(mission));
        var token = EmailLinks.TokenOf(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "jane@qutech.example")
            .Select(m => m.TextBody).SingleAsync()), LinkKind.Host);
        (await app.SendAsync(new GetHostPageQuery(token))).HostName.Should().Be("QuTech");

        var version = await app.QueryAsync(db => db.VisitHosts.Select(h => h.Version).SingleAsync());
        await app.SendAsync(new UpdateHostCommand("QuTech", "Dr Piet Jansen", "piet@qutech.example", null, version) { MissionId = mission, HostId = host });

        await NotFound(() => app.SendAsync(new GetHostPageQuery(token)));
        (await app.QueryAsync(db => db.PersonalLinks.Select(l => l.RevokedReason).SingleAsync())).Should().Be(PersonalLink.Reasons.ContactChanged);
    }

    private static string Calendar(string url) => url[(url.IndexOf("/c/", StringComparison.Ordinal) + 3)..^4];

    private static Task NotFound(Func<Task> act) => act.Should().ThrowAsync<NotFoundException>();
}
