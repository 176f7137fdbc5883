using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>The registration lifecycle (<see cref="RegistrationLifecycle"/>): its table, its cases, and random sequences of everything that changes a place.</summary>
public sealed class RegistrationLifecycleTests
{
    private static RegistrationDetails Details(string name) => new(name, "TU Delft", Sector.Academia, DelegationRole.Member, ConsentProcessing: true);

    private static async Task<(Slice App, Guid Mission)> ArrangeAsync(DatabaseProvider provider, int capacity)
    {
        var scenario = await Scenario.MissionAsync(provider, capacity: capacity);
        await scenario.App.SendAsync(new SetRegistrationModeCommand(RegistrationMode.Open) { MissionId = scenario.Mission });
        return (scenario.App, scenario.Mission);
    }

    private static Task<Dictionary<string, Registration>> RegistrationsAsync(Slice app) =>
        app.QueryAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => r.Id.ToString()));

    private static Task<List<OutboxMessage>> StatusEmailsAsync(Slice app, string email) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email && m.Template == "registration-status")
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    private static async Task<string> LatestLinkAsync(Slice app, string email) =>
        EmailLinks.TokenOf((await StatusEmailsAsync(app, email)).Last(m => m.TextBody.Contains("/r/")).TextBody, LinkKind.Registration);

    [Fact]
    public void TheReadme_ShowsTheLifecycleTheCodeChecks()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../README.md")).ReplaceLineEndings("\n");

        readme.Should().Contain(RegistrationLifecycle.Markdown(), "the README's table is the one RegistrationLifecycle checks transitions against");
    }

    [Theory, AllDatabases]
    public async Task RegisteringAgainAfterCancellingOneself_Reopens_ButAfterTheOrganisersCancelledOnlyTheyCanReinstate(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider, capacity: 1);
        await using var _ = app;
        await app.SendAsync(new RegisterOpenCommand(mission, "ann@example.org", Details("Ann")));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.SendAsync(new RegisterOpenCommand(mission, "bob@example.org", Details("Bob") with { ConsentListing = true, Bio = "Bob builds chips." }));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var annFirstLink = await LatestLinkAsync(app, "ann@example.org");
        await app.SendAsync(new CancelMyRegistrationCommand(annFirstLink));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await app.SendAsync(new RegisterOpenCommand(mission, "ann@example.org", Details("Ann de Vries")));

        again.Should().BeEquivalentTo(new { AlreadyRegistered = false, Status = RegistrationStatus.Waitlisted, WaitlistPosition = 1 });
        var ann = await app.QueryAsync(db => db.Registrations.SingleAsync(r => r.Email == "ann@example.org"));
        var bob = await app.QueryAsync(db => db.Registrations.SingleAsync(r => r.Email == "bob@example.org"));
        ann.Should().BeEquivalentTo(new { Name = "Ann de Vries", Status = RegistrationStatus.Waitlisted, CancelledAt = (DateTime?)null });
        bob.Status.Should().Be(RegistrationStatus.Confirmed, "Bob was promoted when Ann cancelled");
        ann.Arrival.Should().BeGreaterThan(bob.Arrival, "registering again puts Ann at the end of the line, with a new arrival number");
        var emails = await StatusEmailsAsync(app, "ann@example.org");
        emails.Select(m => m.Subject).Should().Equal("You are registered: NL–UK mission", "Your registration for NL–UK mission is cancelled",
            "You are on the waitlist (number 1): NL–UK mission");
        var newLink = await LatestLinkAsync(app, "ann@example.org");
        (await app.SendAsync(new GetMyRegistrationQuery(newLink))).Status.Should().Be(RegistrationStatus.Waitlisted);
        await FluentActions.Awaiting(() => app.SendAsync(new GetMyRegistrationQuery(annFirstLink))).Should().ThrowAsync<NotFoundException>("the new email's link replaces the old one");

        // The organisers cancel Bob: registering again only sends his link; they can reinstate him.
        await app.SendAsync(new CancelRegistrationCommand(mission, bob.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var bobAgain = await app.SendAsync(new RegisterOpenCommand(mission, "bob@example.org", Details("Bob")));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        bobAgain.Should().BeEquivalentTo(new { AlreadyRegistered = true, Status = RegistrationStatus.Cancelled });
        var confirm = () => app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Confirm) { MissionId = mission, RegistrationId = bob.Id });
        (await confirm.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("Reinstate it instead");

        var reinstated = await app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Reinstate) { MissionId = mission, RegistrationId = bob.Id });
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        reinstated.Should().Be(RegistrationStatus.Waitlisted, "Ann took the place Bob left");
        (await StatusEmailsAsync(app, "bob@example.org")).Last().Subject.Should().StartWith("You are on the waitlist");
        (await app.QueryAsync(db => db.Missions.Select(m => m.ConfirmedCount).SingleAsync())).Should().Be(1);

        // Importing someone cancelled reinstates them too; someone erased cannot come back.
        await app.SendAsync(new CancelRegistrationCommand(mission, bob.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var import = await app.SendAsync(new ImportDelegatesCommand("email,name,organisation,sector\nbob@example.org,Bob Jansen,TNO,industry\n") { MissionId = mission });
        import.Imported.Should().Be(1);
        (await app.QueryAsync(db => db.Registrations.SingleAsync(r => r.Id == bob.Id))).Should().BeEquivalentTo(
            new { Name = "Bob Jansen", Status = RegistrationStatus.Waitlisted, ConsentListing = true, Bio = "Bob builds chips." },
            "what Bob gave himself and the file does not hold is kept");
        await app.SendAsync(new CancelRegistrationCommand(mission, bob.Id));
        await app.SendAsync(new ErasePersonCommand(mission, bob.Id));
        var erased = () => app.SendAsync(new DecideRegistrationCommand(RegistrationDecision.Reinstate) { MissionId = mission, RegistrationId = bob.Id });
        (await erased.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("erased");
    }

    [Theory, AllDatabases]
    public async Task Upgrading_MarksTheCancellationsPeopleMadeThemselves_FromTheirHistory(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider, capacity: 5);
        await using var _ = app;
        await app.SendAsync(new RegisterOpenCommand(mission, "ann@example.org", Details("Ann")));
        await app.SendAsync(new RegisterOpenCommand(mission, "bob@example.org", Details("Bob")));
        await app.SendAsync(new CancelMyRegistrationCommand(await LatestLinkAsync(app, "ann@example.org")));
        var bob = await app.QueryAsync(db => db.Registrations.SingleAsync(r => r.Email == "bob@example.org"));
        await app.SendAsync(new CancelRegistrationCommand(mission, bob.Id));
        await using (var db = app.Database.CreateContext())
        {
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("20261130190000_PersonalLinks");
            await migrator.MigrateAsync();
        }

        (await app.QueryAsync(db => db.Registrations.OrderBy(r => r.Email).Select(r => r.CancelledByParticipant).ToListAsync()))
            .Should().Equal([true, false], "Ann cancelled herself and may register again; the organisers cancelled Bob");
        (await app.SendAsync(new RegisterOpenCommand(mission, "ann@example.org", Details("Ann")))).Status.Should().Be(RegistrationStatus.Confirmed);
    }

    private enum Step
    {
        Register,
        CancelOwn,
        OrganiserCancel,
        Confirm,
        Waitlist,
        Reinstate,
        Capacity,
        Erase,
        CloseOrOpen,
        TimePasses,
    }

    /// <summary>
    /// Random sequences of registrations, cancellations, decisions, capacity changes, erasures, mission status changes
    /// and time passing. After every step: the count of confirmed places is true; places beyond capacity appear only by an
    /// organiser's choice (confirming from the waitlist, lowering capacity); promotions take the earliest arrivals and stop
    /// once the mission has started; everyone whose status changed got exactly one status email; a refused step changes nothing.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 1)]
    [InlineData(DatabaseProvider.Sqlite, 2)]
    [InlineData(DatabaseProvider.Sqlite, 3)]
    [InlineData(DatabaseProvider.Postgres, 4)]
    [InlineData(DatabaseProvider.Postgres, 5)]
    [InlineData(DatabaseProvider.Postgres, 6)]
    public async Task RandomSequences_KeepCapacityOrderAndEmailsTrue(DatabaseProvider provider, int seed)
    {
        var random = new Random(seed);
        var (app, mission) = await ArrangeAsync(provider, capacity: 2);
        await using var _ = app;
        var people = Enumerable.Range(0, 6).Select(i => $"p{i}@example.org").ToArray();
        var started = false;

        for (var n = 0; n < 45; n++)
        {
            var step = (Step)random.Next(Enum.GetValues<Step>().Length);
            if (step == Step.TimePasses && (started || n < 30))
            {
                step = Step.Register;
            }

            var who = people[random.Next(people.Length)];
            app.Clock.Advance(TimeSpan.FromMinutes(1)); // each step's emails after the last
            var before = await RegistrationsAsync(app);
            var capacityBefore = await app.QueryAsync(db => db.Missions.Select(m => m.Capacity).SingleAsync());
            var emailsBefore = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "registration-status").Select(m => m.ToAddress).ToListAsync());
            var target = before.Values.FirstOrDefault(r => r.Email == who);
            var context = $"seed {seed}, step {n}: {step} {who}";
            var refused = false;
            try
            {
                switch (step)
                {
                    case Step.Register:
                        await app.SendAsync(new RegisterOpenCommand(mission, who, Details(who)));
                        break;
                    case Step.CancelOwn when target is not null && (await StatusEmailsAsync(app, who)).Any(m => m.TextBody.Contains("/r/")):
                        await app.SendAsync(new CancelMyRegistrationCommand(await LatestLinkAsync(app, who)));
                        break;
                    case Step.OrganiserCancel when target is not null:
                        await app.SendAsync(new CancelRegistrationCommand(mission, target.Id));
                        break;
                    case Step.Confirm or Step.Waitlist or Step.Reinstate when target is not null:
                        var decision = step switch { Step.Confirm => RegistrationDecision.Confirm, Step.Waitlist => RegistrationDecision.Waitlist, _ => RegistrationDecision.Reinstate };
                        await app.SendAsync(new DecideRegistrationCommand(decision) { MissionId = mission, RegistrationId = target.Id });
                        break;
                    case Step.Capacity:
                        await app.SendAsync(new SetCapacityCommand(random.Next(1, 5)) { MissionId = mission });
                        break;
                    case Step.Erase when target is not null:
                        await app.SendAsync(new ErasePersonCommand(mission, target.Id));
                        break;
                    case Step.CloseOrOpen:
                        var status = await app.QueryAsync(db => db.Missions.Select(m => m.Status).SingleAsync());
                        await app.SendAsync(new ChangeMissionStatusCommand(status == MissionStatus.Open ? MissionStatus.Closed : MissionStatus.Open) { MissionId = mission });
                        break;
                    case Step.TimePasses:
                        app.Clock.Advance(TimeSpan.FromDays(30.5)); // into the mission's first day
                        started = true;
                        break;
                    default:
                        continue;
                }
            }
            catch (Exception ex) when (ex is DomainException or ValidationException or NotFoundException)
            {
                refused = true;
            }

            var after = await RegistrationsAsync(app);
            var state = await app.QueryAsync(db => db.Missions.AsNoTracking().SingleAsync());
            var emailsAfter = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "registration-status").Select(m => m.ToAddress).ToListAsync());
            var newEmails = emailsAfter.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count() - emailsBefore.Count(b => b == g.Key));
            int Confirmed(Dictionary<string, Registration> all) => all.Values.Count(r => r.Status == RegistrationStatus.Confirmed);

            state.ConfirmedCount.Should().Be(Confirmed(after), $"the count of places stays true ({context})");
            if (refused)
            {
                after.Values.Select(r => (r.Id, r.Status, r.Arrival)).Should().BeEquivalentTo(before.Values.Select(r => (r.Id, r.Status, r.Arrival)), $"a refused step changes nothing ({context})");
                newEmails.Values.Where(c => c > 0).Should().BeEmpty($"a refused step emails nobody ({context})");
                continue;
            }

            var overBefore = Math.Max(0, Confirmed(before) - (capacityBefore ?? int.MaxValue));
            var overAfter = Math.Max(0, Confirmed(after) - (state.Capacity ?? int.MaxValue));
            if (step is not (Step.Confirm or Step.Capacity))
            {
                overAfter.Should().BeLessThanOrEqualTo(overBefore, $"only an organiser's choice confirms beyond capacity ({context})");
            }

            var changed = after.Values.Where(r => !before.TryGetValue(r.Id.ToString(), out var b) || b.Status != r.Status).ToList();
            var promoted = changed.Where(r => r.Status == RegistrationStatus.Confirmed && before.TryGetValue(r.Id.ToString(), out var b)
                                              && b.Status == RegistrationStatus.Waitlisted && r.Email != who).ToList();
            if (promoted.Count > 0)
            {
                (started && step != Step.Capacity).Should().BeFalse($"once the mission has started, only more capacity promotes anyone ({context})");
                var stillWaiting = after.Values.Where(r => r.Status == RegistrationStatus.Waitlisted).Select(r => r.Arrival).DefaultIfEmpty(long.MaxValue).Min();
                promoted.Max(r => r.Arrival).Should().BeLessThan(stillWaiting, $"the waitlist is served in order of arrival ({context})");
            }

            foreach (var r in changed.Where(r => r.ErasedAt is null))
            {
                newEmails.GetValueOrDefault(r.Email).Should().Be(1, $"{r.Email} went from {before.GetValueOrDefault(r.Id.ToString())?.Status} to {r.Status} and is told once ({context})");
            }

            foreach (var r in after.Values.Except(changed).Where(r => r.Email != who && r.ErasedAt is null))
            {
                newEmails.GetValueOrDefault(r.Email).Should().Be(0, $"{r.Email} did not change and hears nothing ({context})");
            }
        }
    }
}
