using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Outbox;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed partial class RegistrationTests
{
    private static async Task<(Slice App, Guid Mission, Dictionary<string, string> Tokens)> ArrangeAsync(
        DatabaseProvider provider, int invitees, int? capacity, SmtpSink? smtp = null)
    {
        var settings = new Dictionary<string, string?>();
        if (smtp is not null)
        {
            settings["Email:SmtpHost"] = "127.0.0.1";
            settings["Email:SmtpPort"] = smtp.Port.ToString();
            settings["Email:StartTls"] = "false";
        }

        var scenario = await Scenario.MissionAsync(provider, capacity: capacity, settings: settings);
        await scenario.InviteAsync(invitees, digits: 3);
        return (scenario.App, scenario.Mission, scenario.InvitationTokens.ToDictionary());
    }

    private static RegistrationDetails Details(string name = "Ann de Vries", bool consent = true, string? phone = "+31 6 1234 5678") =>
        new(name, "TU Delft", Sector.Academia, DelegationRole.Member, consent, phone, "Professor", Dietary: "vegetarian", ConsentPhotos: true, ConsentListing: true);

    private static RegisterByInvitationCommand Register(string token, string name = "Ann de Vries", bool consent = true, string? phone = "+31 6 1234 5678") =>
        new(token, Details(name, consent, phone));

    [Theory, AllDatabases]
    public async Task TwoHundredAtOnceForFiftyPlaces_ConfirmsExactlyFifty_AndWaitlistsTheRestInArrivalOrder(DatabaseProvider provider)
    {
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 200, capacity: 50);
        await using var _ = app;

        var results = await Task.WhenAll(tokens.Values.Select(t => Task.Run(() => app.SendAsync(Register(t)))));

        results.Count(r => r.Status == RegistrationStatus.Confirmed).Should().Be(50);
        results.Count(r => r.Status == RegistrationStatus.Waitlisted).Should().Be(150);
        results.Where(r => r.Status == RegistrationStatus.Waitlisted).Select(r => r.WaitlistPosition).Should().BeEquivalentTo(Enumerable.Range(1, 150));
        var rows = await app.QueryAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.Arrival).ToListAsync());
        rows.Select(r => r.Arrival).Should().Equal(Enumerable.Range(1, 200).Select(i => (long)i), "every arrival has its own number");
        rows.Take(50).Should().OnlyContain(r => r.Status == RegistrationStatus.Confirmed, "the first fifty to arrive have the places");
        rows.Skip(50).Should().OnlyContain(r => r.Status == RegistrationStatus.Waitlisted);
        (await app.QueryAsync(db => db.Missions.Where(m => m.Id == mission).Select(m => m.ConfirmedCount).SingleAsync())).Should().Be(50);
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Template == "registration-status"))).Should().Be(200);
    }

    [Theory, AllDatabases]
    public async Task Cancelling_PromotesTheFirstWaiting_WhoIsEmailed(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 4, capacity: 2, smtp);
        await using var _ = app;
        var first = await app.SendAsync(Register(tokens["p000@example.org"], "Ann"));
        await app.SendAsync(Register(tokens["p001@example.org"], "Bob"));
        var cem = await app.SendAsync(Register(tokens["p002@example.org"], "Cem"));
        var dan = await app.SendAsync(Register(tokens["p003@example.org"], "Dan"));
        (cem.WaitlistPosition, dan.WaitlistPosition).Should().Be((1, 2));
        await app.SendAsync(new DispatchOutboxCommand());
        await smtp.WaitForAsync(4);

        await app.SendAsync(new CancelMyRegistrationCommand(first.Token!));
        await app.SendAsync(new DispatchOutboxCommand());

        var status = await app.QueryAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.Arrival).Select(r => r.Status).ToListAsync());
        status.Should().Equal(RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted);
        var received = await smtp.WaitForAsync(6);
        received.Should().Contain(m => m.RcptTos.Contains("p002@example.org") && m.Subject == "You are registered: NL–UK mission")
            .And.Contain(m => m.RcptTos.Contains("p000@example.org") && m.Subject!.Contains("is cancelled"));
        (await app.SendAsync(new GetMyRegistrationQuery(dan.Token!))).WaitlistPosition.Should().Be(1, "Dan moved up");
        (await app.QueryAsync(db => db.RegistrationAudits.CountAsync(a => a.Action == "promoted"))).Should().Be(1);
    }

    [Theory, AllDatabases]
    public async Task Once_the_mission_has_started_a_cancellation_frees_nothing_and_after_it_nobody_can_cancel(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.MissionAsync(provider, days: 3, capacity: 1);
        var app = scenario.App;
        await scenario.InviteAsync(("ann@example.org", "Ann"), ("bob@example.org", "Bob"));
        await scenario.RegisterAllAsync();
        var mission = await app.QueryAsync(db => db.Missions.AsNoTracking().SingleAsync());
        app.Clock.Advance(mission.UtcWindow().From - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(30));

        await app.SendAsync(new CancelMyRegistrationCommand(scenario.RegistrationTokens["Ann"]));

        (await app.SendAsync(new GetMyRegistrationQuery(scenario.RegistrationTokens["Bob"]))).Status
            .Should().Be(RegistrationStatus.Waitlisted, "on the mission's second day nobody can still join");
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "bob@example.org" && m.Subject.StartsWith("You are registered"))))
            .Should().Be(0);
        (await app.SendAsync(new GetDelegationQuery(scenario.Mission))).Confirmed.Should().Be(0);
        (await app.QueryAsync(db => db.Missions.Select(m => m.ConfirmedCount).SingleAsync())).Should().Be(0, "the count of places stays true");

        app.Clock.Advance(mission.UtcWindow().To - app.Clock.GetUtcNow().UtcDateTime);
        (await app.SendAsync(new GetMyRegistrationQuery(scenario.RegistrationTokens["Bob"]))).CanCancel.Should().BeFalse("the page offers no cancel after the mission");
        var late = () => app.SendAsync(new CancelMyRegistrationCommand(scenario.RegistrationTokens["Bob"]));
        (await late.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("mission is over");
    }

    [Theory, AllDatabases]
    public async Task OnesLink_SeesOnlyTheirOwnRegistration_AndAnyOtherTokenIsNotFound(DatabaseProvider provider)
    {
        var (app, _, tokens) = await ArrangeAsync(provider, invitees: 2, capacity: null);
        await using var __ = app;
        var a = await app.SendAsync(Register(tokens["p000@example.org"], "Ann"));
        var b = await app.SendAsync(Register(tokens["p001@example.org"], "Bob"));

        (await app.SendAsync(new GetMyRegistrationQuery(a.Token!))).Should().BeEquivalentTo(new { Name = "Ann", Email = "p000@example.org" });
        (await app.SendAsync(new GetMyRegistrationQuery(b.Token!))).Name.Should().Be("Bob");
        await FluentActions.Awaiting(() => app.SendAsync(new GetMyRegistrationQuery(a.Token![..^1] + "x"))).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => app.SendAsync(new CancelMyRegistrationCommand(tokens["p001@example.org"])))
            .Should().ThrowAsync<NotFoundException>("an invitation link is not a registration link");
        (await app.QueryAsync(db => db.Registrations.CountAsync(r => r.Status == RegistrationStatus.Confirmed))).Should().Be(2);
    }

    [Theory, AllDatabases]
    public async Task RegisteringTwice_OffersTheExistingRegistration_AndNeverDuplicates(DatabaseProvider provider)
    {
        var (app, _, tokens) = await ArrangeAsync(provider, invitees: 1, capacity: 10);
        await using var __ = app;
        var token = tokens["p000@example.org"];

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => app.SendAsync(Register(token)))));

        results.Count(r => !r.AlreadyRegistered).Should().Be(1);
        (await app.CountAsync<Registration>()).Should().Be(1);
        (await app.QueryAsync(db => db.Missions.Select(m => m.ConfirmedCount).SingleAsync())).Should().Be(1);
        (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "registration-status").Select(m => m.ToAddress).Distinct().ToListAsync()))
            .Should().BeEquivalentTo(["p000@example.org"], "the link goes only to the person's own address");
    }

    [Theory, AllDatabases]
    public async Task MissingConsentOrABadPhone_IsRefusedByField_AndNothingIsSaved(DatabaseProvider provider)
    {
        var (app, _, tokens) = await ArrangeAsync(provider, invitees: 1, capacity: 10);
        await using var __ = app;

        var act = () => app.SendAsync(Register(tokens["p000@example.org"], name: "", consent: false, phone: "call me maybe"));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName)
            .Should().BeEquivalentTo(["Details.Name", "Details.Phone", "Details.ConsentProcessing"]);
        (await app.CountAsync<Registration>()).Should().Be(0);
        (await app.QueryAsync(db => db.Missions.Select(m => new { m.ConfirmedCount, m.RegistrationSequence }).SingleAsync()))
            .Should().BeEquivalentTo(new { ConfirmedCount = 0, RegistrationSequence = 0L });
    }

    [Theory, AllDatabases]
    public async Task MorePlaces_GoToThoseWaiting_InOrder(DatabaseProvider provider)
    {
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 5, capacity: 1);
        await using var __ = app;
        foreach (var email in tokens.Keys.Order())
        {
            await app.SendAsync(Register(tokens[email], email));
        }

        (await app.SendAsync(new SetCapacityCommand(3) { MissionId = mission })).Should().Be(2);

        var view = await app.SendAsync(new GetDelegationQuery(mission));
        view.Should().BeEquivalentTo(new { Capacity = 3, Confirmed = 3, Waitlisted = 2 });
        view.People.Where(p => p.Status == RegistrationStatus.Confirmed).Select(p => p.Email)
            .Should().Equal("p000@example.org", "p001@example.org", "p002@example.org");
        var csv = await app.SendAsync(new ExportDelegationQuery(mission));
        csv.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(csv[3..]).Should().StartWith("name,email,organisation,sector").And.Contain("p004@example.org,TU Delft,Academia");
    }

    [Theory, AllDatabases]
    public async Task Erasure_LeavesNoTraceOfTheName_OrTheEmail_AndKeepsTheCounts(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 2, capacity: 1, smtp);
        await using var _ = app;
        var zoe = await app.SendAsync(Register(tokens["p000@example.org"], "Zoë Quisling-Vermeer"));
        await app.SendAsync(Register(tokens["p001@example.org"], "Bob"));
        await app.SendAsync(new DispatchOutboxCommand());
        var registrationId = await app.QueryAsync(db => db.Registrations.Where(r => r.Email == "p000@example.org").Select(r => r.Id).SingleAsync());
        var before = await app.QueryAsync(db => TextSearch.FindAsync(db, "Quisling"));
        before.Should().Contain("registrations.name").And.Contain("outbox_messages.to_name");
        var export = await app.SendAsync(new ExportPersonalDataQuery(zoe.Token!));
        export.Should().Contain("Zoë Quisling-Vermeer").And.Contain("\"registered\"").And.Contain("You are registered");

        await app.SendAsync(new ErasePersonCommand(mission, registrationId));

        (await app.QueryAsync(db => TextSearch.FindAsync(db, "Quisling"))).Should().BeEmpty();
        (await app.QueryAsync(db => TextSearch.FindAsync(db, "p000@example.org"))).Should().BeEmpty();
        await FluentActions.Awaiting(() => app.SendAsync(new GetMyRegistrationQuery(zoe.Token!))).Should().ThrowAsync<NotFoundException>();
        var view = await app.SendAsync(new GetDelegationQuery(mission));
        view.Should().BeEquivalentTo(new { Confirmed = 1, Cancelled = 1, Waitlisted = 0 }, "Bob got the freed place; the erased one still counts as cancelled");
        var bobConfirmed = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "p001@example.org" && m.Subject.StartsWith("You are registered"))
            .Select(m => m.TextBody).SingleAsync());
        (await app.SendAsync(new GetMyRegistrationQuery(EmailLinks.TokenOf(bobConfirmed, LinkKind.Registration)))).Status
            .Should().Be(RegistrationStatus.Confirmed, "whatever frees a place, the next in line is told, with a link that works");
        (await app.CountAsync<OutboxMessage>()).Should().BeGreaterThan(2, "messages are kept, anonymised, for the counts");
    }

    [Theory, AllDatabases]
    public async Task TheDelegation_FollowsPrecedence_TheSharedListOnlyHasThoseWhoAgreed_AndCaterersGetTheCounts(DatabaseProvider provider)
    {
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 4, capacity: null);
        await using var _ = app;
        RegisterByInvitationCommand As(string email, string name, DelegationRole role, string? dietary, bool listed) =>
            new(tokens[email], new RegistrationDetails(name, "Org", Sector.Government, role, true, Dietary: dietary,
                Accessibility: name == "Dan" ? "wheelchair access" : null, ConsentListing: listed));
        await app.SendAsync(As("p000@example.org", "Ann", DelegationRole.Member, "vegetarian, allergies: nuts", listed: true));
        await app.SendAsync(As("p001@example.org", "Bob", DelegationRole.Press, "halal", listed: false));
        await app.SendAsync(As("p002@example.org", "Cem", DelegationRole.HeadOfDelegation, "vegetarian", listed: true));
        await app.SendAsync(As("p003@example.org", "Dan", DelegationRole.Deputy, null, listed: true));

        (await app.SendAsync(new GetDelegationQuery(mission))).People.Select(p => p.Name).Should().Equal("Cem", "Dan", "Ann", "Bob");
        var ann = await app.QueryAsync(db => db.Registrations.Where(r => r.Name == "Ann").Select(r => r.Id).SingleAsync());
        await app.SendAsync(new SetPrecedenceCommand(mission, ann, 150));

        var view = await app.SendAsync(new GetDelegationQuery(mission));
        view.People.Select(p => p.Name).Should().Equal("Cem", "Ann", "Dan", "Bob");
        (await app.SendAsync(new GetParticipantListQuery(mission))).Select(p => p.Name).Should().Equal("Cem", "Ann", "Dan");
        view.Catering.Dietary.Should().BeEquivalentTo(new Dictionary<string, int> { ["vegetarian"] = 2, ["halal"] = 1 });
        view.Catering.Allergies.Should().Equal("nuts");
        view.Catering.Accessibility.Should().Equal("wheelchair access");
        await FluentActions.Awaiting(() => app.SendAsync(new SetPrecedenceCommand(mission, ann, 0))).Should().ThrowAsync<DomainException>();
    }

    [Theory, AllDatabases]
    public async Task Participants_CorrectTheirAnswersThroughTheirLink_UntilRegistrationCloses(DatabaseProvider provider)
    {
        var (app, mission, tokens) = await ArrangeAsync(provider, invitees: 1, capacity: null);
        await using var _ = app;
        var ann = await app.SendAsync(Register(tokens["p000@example.org"], "Ann"));
        UpdateMyRegistrationCommand Update(string name) => new(ann.Token!, new RegistrationDetails(name, "TU Eindhoven", Sector.Academia, DelegationRole.Member,
            true, JobTitle: "PhD", Dietary: "vegan"));

        await app.SendAsync(Update("Ann de Vries"));
        (await app.SendAsync(new GetMyRegistrationQuery(ann.Token!))).Should().BeEquivalentTo(
            new { Name = "Ann de Vries", Organisation = "TU Eindhoven", Dietary = "vegan", ConsentListing = false, Status = RegistrationStatus.Confirmed });

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await app.SendAsync(new SetRegistrationScheduleCommand(today.AddDays(1), [1]) { MissionId = mission });
        app.Clock.Advance(TimeSpan.FromDays(3));
        (await FluentActions.Awaiting(() => app.SendAsync(Update("Too late"))).Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("closed");
        (await app.QueryAsync(db => db.RegistrationAudits.CountAsync(a => a.Action == "updated"))).Should().Be(1);
    }

    [Theory, AllDatabases]
    public async Task ADelegateCsvOf500WithFiveBadRows_ImportsNobody_AndReportsTheFiveRows(DatabaseProvider provider)
    {
        var (app, mission, _) = await ArrangeAsync(provider, invitees: 0, capacity: 400);
        await using var __ = app;
        var csv = new StringBuilder("Email;Name;Organisation;Sector;Role;Job title;Phone\r\n");
        var bad = new Dictionary<int, (string Column, string Line)>
        {
            [40] = ("email", "not-an-email;X;Org;academia;member;;"),
            [141] = ("sector", "p139@example.org;X;Org;aerospace;member;;"),
            [242] = ("role", "p240@example.org;X;Org;industry;king;;"),
            [343] = ("phone", "p341@example.org;X;Org;industry;member;;call me"),
            [444] = ("email", "p010@example.org;Dup;Org;industry;member;;"),
        };
        for (var i = 0; i < 500; i++)
        {
            var line = i + 2;
            csv.Append(bad.TryGetValue(line, out var b) ? b.Line : $"p{i:D3}@example.org;\"Person {i}\";\"Org, {i % 7}\";start-up;member;Engineer;+31 6 1234 5678").Append("\r\n");
        }

        var all = await app.SendAsync(new ImportDelegatesCommand(csv.ToString()) { MissionId = mission });

        all.Imported.Should().Be(0);
        all.Errors.Select(e => (e.Line, e.Column)).Should().BeEquivalentTo(bad.Select(b => (b.Key, b.Value.Column)));
        (await app.CountAsync<Registration>()).Should().Be(0);

        var valid = await app.SendAsync(new ImportDelegatesCommand(csv.ToString(), ImportValidRowsOnly: true) { MissionId = mission });

        valid.Imported.Should().Be(495);
        var view = await app.SendAsync(new GetDelegationQuery(mission));
        view.Should().BeEquivalentTo(new { Confirmed = 400, Waitlisted = 95 });
        (await app.QueryAsync(db => db.Missions.Where(m => m.Id == mission).Select(m => m.ConfirmedCount).SingleAsync()))
            .Should().Be(400, "the counter that guards the capacity agrees with the registrations");
        (await app.QueryAsync(db => db.Registrations.OrderBy(r => r.Arrival).Select(r => r.Arrival).ToListAsync()))
            .Should().Equal(Enumerable.Range(1, 495).Select(i => (long)i), "each delegate has an arrival number of their own, in the file's order");
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Batch == valid.Batch))).Should().Be(495);
        (await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Subject.Contains("number 95")))).Should().BeTrue();
    }

    [Theory, AllDatabases]
    public async Task ADelegationInAnExcelWorkbook_WithTheHeadersACrmExports_IsImported(DatabaseProvider provider)
    {
        var (app, mission, _) = await ArrangeAsync(provider, invitees: 0, capacity: 10);
        await using var _ = app;
        using var workbook = new MemoryStream();
        workbook.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["A"] = "Surname", ["B"] = "Given Name", ["C"] = "Email Address", ["D"] = "Company", ["E"] = "Organisation type", ["F"] = "Mobile", ["G"] = "Position", ["H"] = "Owner" },
            new Dictionary<string, object?> { ["A"] = "Jansen", ["B"] = "Bob", ["C"] = "bob@example.org", ["D"] = "Innatera", ["E"] = "Start-up", ["F"] = "+31 6 1234 5678", ["G"] = "CTO", ["H"] = "sales" },
            new Dictionary<string, object?> { ["A"] = "Ó Briain", ["B"] = "Siobhán", ["C"] = "siobhan@example.org", ["D"] = "TU/e", ["E"] = "academia", ["F"] = null, ["G"] = null, ["H"] = null },
        }, printHeader: false);

        var result = await app.SendAsync(new ImportDelegatesCommand(null, File: workbook.ToArray()) { MissionId = mission });

        result.Errors.Should().BeEmpty();
        result.Imported.Should().Be(2);
        result.Preview!.Columns.Where(c => c.ReadAs is null).Select(c => c.Header).Should().Equal("Owner");
        // The phone number as typed in the sheet is stored in E.164.
        (await app.QueryAsync(db => db.Registrations.OrderBy(r => r.Arrival).Select(r => new { r.Name, r.Organisation, r.Sector, r.JobTitle, r.Phone }).ToListAsync()))
            .Should().BeEquivalentTo(new[]
            {
                new { Name = "Bob Jansen", Organisation = "Innatera", Sector = Sector.StartUp, JobTitle = (string?)"CTO", Phone = (string?)"+31612345678" },
                new { Name = "Siobhán Ó Briain", Organisation = "TU/e", Sector = Sector.Academia, JobTitle = (string?)null, Phone = (string?)null },
            }, o => o.WithStrictOrdering());
    }

    [Theory, AllDatabases]
    public async Task Travel_IsKeptInMissionTime_AndADepartureBeforeTheArrivalIsRefused(DatabaseProvider provider)
    {
        var (app, _, tokens) = await ArrangeAsync(provider, invitees: 2, capacity: null);
        await using var __ = app;
        var arrival = DateTime.SpecifyKind(app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(29).AddHours(18).AddMinutes(40), DateTimeKind.Unspecified);

        var backwards = () => app.SendAsync(new RegisterByInvitationCommand(tokens["p001@example.org"], Details() with { ArrivalAt = arrival, DepartureAt = arrival.AddDays(-1) }));
        (await backwards.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should().Equal("Details.DepartureAt");

        var ann = await app.SendAsync(new RegisterByInvitationCommand(tokens["p000@example.org"], Details() with
        {
            ArrivalAt = arrival,
            ArrivalBy = "KL1007",
            DepartureAt = arrival.AddDays(4),
            DepartureBy = "Eurostar 9142",
            AccommodationNeeded = true,
            EmergencyContact = "Jan de Vries +31 6 8765 4321",
        }));

        var mine = await app.SendAsync(new GetMyRegistrationQuery(ann.Token!));
        mine.Should().BeEquivalentTo(new
        {
            ArrivalAt = (DateTime?)arrival,
            ArrivalBy = "KL1007",
            DepartureAt = (DateTime?)arrival.AddDays(4),
            AccommodationNeeded = true,
            EmergencyContact = "Jan de Vries +31 6 8765 4321",
        });
        (await app.CountAsync<Registration>()).Should().Be(1);
    }

}
