using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Features.Visits;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Hosting;

/// <summary>Today's app started, as a process, on databases made by earlier versions and by other nodes.</summary>
public sealed class UpgradeTests
{
    [Theory, AllDatabases]
    public async Task A_database_made_by_the_old_scripts_keeps_its_data_sends_its_queued_emails_and_its_links_work(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        var env = MailingApp.Environment(database, smtp);
        env["Privacy__EncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        // What the previous version left: a mission, delegates, a host asked to confirm its visit,
        // emails still waiting in the outbox, and a calendar a delegate subscribed to.
        string annCalendar;
        await using (var old = Slice.Over(database, new Dictionary<string, string?>
        {
            ["Auth:PublicBaseUrl"] = env["Auth__PublicBaseUrl"],
            ["Privacy:EncryptionKey"] = env["Privacy__EncryptionKey"],
        }))
        {
            var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
            var mission = await old.SendAsync(new CreateMissionCommand("Mission to Delft", "Quantum and chips", "Netherlands", "Delft",
                "Europe/Amsterdam", start, start.AddDays(2)));
            await old.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
            await old.SendAsync(new InviteParticipantCommand("ann@example.org", "Ann de Vries", "TU Delft", null) { MissionId = mission });
            await old.SendAsync(new InviteParticipantCommand("bob@example.org", "Bob Smith", "OPT/NET BV", null) { MissionId = mission });
            var annInvitation = await old.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "ann@example.org").Select(m => m.TextBody).SingleAsync());
            var annRegistration = await old.SendAsync(new RegisterByInvitationCommand(EmailLinks.Token(EmailLinks.Single(annInvitation, LinkKind.Invitation)),
                new RegistrationDetails("Ann de Vries", "TU Delft", Sector.Academia, DelegationRole.Member, ConsentProcessing: true)));
            annCalendar = (await old.SendAsync(new GetMyItineraryQuery(annRegistration.Token!))).CalendarUrl!;
            var lab = await old.SendAsync(new CreateVenueCommand("QuTech", "Lorentzweg 1", "Delft", VenueKind.Lab, null, null) { MissionId = mission });
            var host = await old.SendAsync(new CreateHostCommand("QuTech", "Dr Jane Smith", "jane@qutech.example", null) { MissionId = mission });
            var day = start.AddDays(1);
            await old.SendAsync(new CreateVisitCommand(host, lab, "Quantum lab tour", ProgrammeItemKind.LabTour, 60, 2, 8,
                [new VisitWindowInput(day.ToDateTime(new TimeOnly(10, 0)), day.ToDateTime(new TimeOnly(12, 0)))])
            { MissionId = mission });
            await old.SendAsync(new SendHostRequestsCommand(mission));
            (await old.CountAsync<Domain.Messaging.OutboxMessage>()).Should().Be(4, "two invitations, a confirmation and a host request wait to be sent");
        }

        await using (var db = database.CreateContext())
        {
            await LegacySchema.RollBackToScriptsAsync(db);
        }

        await using var app = await AppProcess.StartServerAsync(env);

        var received = await smtp.WaitForAsync(4, TimeSpan.FromSeconds(60));
        app.Output.Should().Contain("Adopted a database made by the SQL scripts").And.Contain("Applied migration 20261130190000_PersonalLinks");
        received.Select(m => m.RcptTos.Single()).Should().BeEquivalentTo(["ann@example.org", "ann@example.org", "bob@example.org", "jane@qutech.example"]);
        using var browser = new HttpClient();
        var bobInvitation = EmailLinks.Single(received.Single(m => m.RcptTos.Single() == "bob@example.org").Text, LinkKind.Invitation);
        var invitationPage = await browser.GetAsync(bobInvitation);
        invitationPage.StatusCode.Should().Be(HttpStatusCode.OK, "a link emailed before the upgrade still opens");
        (await invitationPage.Content.ReadAsStringAsync()).Should().Contain("Bob Smith").And.Contain("Mission to Delft");
        var annLink = received.Select(m => EmailLinks.All(m.Text, LinkKind.Registration)).Single(l => l.Count > 0)[0];
        var registrationPage = await browser.GetAsync(annLink);
        registrationPage.StatusCode.Should().Be(HttpStatusCode.OK);
        (await registrationPage.Content.ReadAsStringAsync()).Should().Contain("Ann de Vries");
        var hostPage = await browser.GetAsync(EmailLinks.Single(received.Single(m => m.RcptTos.Single() == "jane@qutech.example").Text, LinkKind.Host));
        hostPage.StatusCode.Should().Be(HttpStatusCode.OK, "the host's emailed link still opens");
        (await hostPage.Content.ReadAsStringAsync()).Should().Contain("Quantum lab tour");
        var calendar = await browser.GetAsync(annCalendar);
        calendar.StatusCode.Should().Be(HttpStatusCode.OK, "the calendar address a delegate subscribed to before the upgrade keeps working");
        (await calendar.Content.ReadAsStringAsync()).Should().StartWith("BEGIN:VCALENDAR");
        (await browser.GetStringAsync(annLink + "/itinerary")).Should().Contain(annCalendar, "the itinerary page shows the same calendar address");

        await using var check = database.CreateContext();
        (await check.Missions.Select(m => m.Title).ToListAsync()).Should().Equal(["Mission to Delft"], "an adopted database is not new: no demo mission is seeded into it");
        (await check.Registrations.CountAsync(r => r.Status == RegistrationStatus.Confirmed)).Should().Be(1);
        var delft = await check.Missions.SingleAsync();
        var links = await check.PersonalLinks.Where(l => l.RevokedAt == null).ToListAsync();
        links.Select(l => l.Purpose).Should().BeEquivalentTo(
            [LinkPurpose.Invitation, LinkPurpose.Invitation, LinkPurpose.Registration, LinkPurpose.CalendarFeed, LinkPurpose.Host]);
        links.Where(l => l.Purpose != LinkPurpose.Registration).Should().OnlyContain(l => l.ExpiresAt == delft.LinksExpireAt,
            "after the upgrade every link expires by the rule, computed in the mission's time zone");
        links.Single(l => l.Purpose == LinkPurpose.Registration).ExpiresAt.Should().Be(delft.UtcWindow().To.AddDays(90));
    }

    [Fact]
    public async Task Two_app_processes_starting_together_on_a_new_PostgreSQL_database_take_turns_one_migrates_and_both_are_healthy()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrated: false);
        var env = MailingApp.Environment(database);

        var starting = new[] { AppProcess.StartServerAsync(env), AppProcess.StartServerAsync(env) };
        var nodes = await Task.WhenAll(starting);
        await using var first = nodes[0];
        await using var second = nodes[1];

        var outputs = nodes.Select(n => n.Output).ToList();
        outputs.Count(o => o.Contains("Applied migration 20261130000000_Baseline")).Should().Be(1, string.Join("\n----\n", outputs));
        outputs.Count(o => o.Contains("Seeded the demo mission")).Should().Be(1, "only the node that created the database seeds it");
        await using var check = database.CreateContext();
        (await check.Database.GetAppliedMigrationsAsync()).Should().Equal(check.Database.GetMigrations());
        (await check.Missions.CountAsync()).Should().Be(1);
        foreach (var node in nodes)
        {
            using var client = new HttpClient { BaseAddress = node.Address };
            var health = await client.GetStringAsync("/health");
            health.Should().Contain("migration(s) applied");
        }
    }

    [Fact]
    public async Task A_database_a_newer_version_upgraded_stops_the_migrate_verb_and_the_app_with_the_reason()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var env = MailingApp.Environment(database);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_Counterparts', '11.0.0')");
        }

        var (exit, _, stderr) = await AppProcess.RunVerbAsync(env, "migrate");

        exit.Should().Be(1);
        stderr.Should().Contain("29991231000000_Counterparts").And.Contain("newer version");
        env["Database__MigrateOnStart"] = "false";
        var start = () => AppProcess.StartServerAsync(env, TimeSpan.FromSeconds(60));
        (await start.Should().ThrowAsync<InvalidOperationException>("not migrating is no licence to run on a newer schema"))
            .Which.Message.Should().Contain("newer version");
    }
}
