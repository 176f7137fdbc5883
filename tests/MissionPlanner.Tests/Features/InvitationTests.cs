using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Invitations;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed partial class InvitationTests
{
    private static async Task<(Slice App, Guid Mission)> ArrangeAsync(DatabaseProvider provider, bool open = true)
    {
        var scenario = await Scenario.MissionAsync(provider, title: "NL–UK neuromorphic mission", summary: "Symposium and lab tours", open: open);
        return (scenario.App, scenario.Mission);
    }

    private static InviteParticipantCommand Invite(Guid mission, string email, string name = "Ann de Vries") =>
        new(email, name, "TU Delft", "Looking forward to it") { MissionId = mission };

    private static string LinkToken(OutboxMessage message) => EmailLinks.TokenOf(message.TextBody, LinkKind.Invitation);

    private static Task<List<OutboxMessage>> OutboxAsync(Slice app) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.ToAddress).ToListAsync());

    [Theory, AllDatabases]
    public async Task Invite_WritesTheInvitationAndItsEmailTogether_AndTheLinkOpensIt(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;

        await app.SendAsync(Invite(mission, " Ann@Example.org "));

        var email = (await OutboxAsync(app)).Single();
        email.Should().BeEquivalentTo(new { Template = "invitation", ToAddress = "ann@example.org", Status = OutboxStatus.Queued, MissionId = (Guid?)mission });
        email.Subject.Should().Be("Invitation: NL–UK neuromorphic mission");
        email.TextBody.Should().Contain("Dear Ann de Vries").And.Contain("London, United Kingdom").And.Contain("Looking forward to it");
        var view = await app.SendAsync(new GetInvitationByTokenQuery(LinkToken(email)));
        view.Should().BeEquivalentTo(new { Name = "Ann de Vries", MissionTitle = "NL–UK neuromorphic mission", Status = InvitationStatus.Pending });
        await FluentActions.Awaiting(() => app.SendAsync(new GetInvitationByTokenQuery(LinkToken(email)[..^2] + "xx")))
            .Should().ThrowAsync<NotFoundException>();
        var stored = await app.QueryAsync(db => db.PersonalLinks.Where(l => l.Purpose == LinkPurpose.Invitation).Select(l => l.TokenHash).SingleAsync());
        stored.Should().Be(SecretToken.Hash(LinkToken(email)), "only a hash is stored").And.NotContain(LinkToken(email));
    }

    [Theory, AllDatabases]
    public async Task InvitingTwice_OrBadInput_OrADraftMission_IsRefused_AndNothingIsWritten(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;
        var (draftApp, draft) = await ArrangeAsync(provider, open: false);
        await using var __ = draftApp;
        await app.SendAsync(Invite(mission, "ann@example.org"));

        (await FluentActions.Awaiting(() => app.SendAsync(Invite(mission, "ANN@example.org"))).Should().ThrowAsync<DomainException>())
            .Which.Message.Should().Contain("already invited");
        (await FluentActions.Awaiting(() => app.SendAsync(Invite(mission, "not-an-email", ""))).Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo(["Email", "Name"]);
        (await FluentActions.Awaiting(() => draftApp.SendAsync(Invite(draft, "bob@example.org"))).Should().ThrowAsync<DomainException>())
            .Which.Message.Should().Contain("Open it first");

        (await app.CountAsync<Invitation>()).Should().Be(1);
        (await app.CountAsync<OutboxMessage>()).Should().Be(1);
        (await draftApp.CountAsync<OutboxMessage>()).Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task Csv_With500RowsAndFiveBadOnes_ImportsNothing_AndNamesEachBadRow(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;
        var csv = new StringBuilder("\uFEFFemail;name;organisation\r\n");
        var bad = new Dictionary<int, string> { [51] = "not-an-email", [102] = "", [203] = "dup", [304] = "x@", [405] = "name" };
        for (var i = 0; i < 500; i++)
        {
            var line = i + 2;
            var email = bad.TryGetValue(line, out var kind) ? kind switch
            {
                "dup" => "delegate001@example.org",
                "name" => $"delegate{i:D3}@example.org",
                _ => kind,
            } : $"delegate{i:D3}@example.org";
            var name = bad.GetValueOrDefault(line) == "name" ? "" : $"Delegate {i}";
            csv.Append($"{email};\"{name}\";\"University of Twente; EEMCS\"\r\n");
        }

        var all = await app.SendAsync(new ImportInvitationsCommand(csv.ToString()) { MissionId = mission });

        all.Imported.Should().Be(0);
        all.Errors.Select(e => (e.Line, e.Column)).Should().BeEquivalentTo(
            [(51, "email"), (102, "email"), (203, "email"), (304, "email"), (405, "name")]);
        all.Errors.Single(e => e.Line == 203).Message.Should().Contain("appears twice").And.Contain("line 3");
        (await app.CountAsync<Invitation>()).Should().Be(0);
        (await app.CountAsync<OutboxMessage>()).Should().Be(0);

        var valid = await app.SendAsync(new ImportInvitationsCommand(csv.ToString(), ImportValidRowsOnly: true) { MissionId = mission });

        valid.Should().BeEquivalentTo(new { Imported = 495, Skipped = 5 });
        (await app.CountAsync<Invitation>()).Should().Be(495);
        var emails = await OutboxAsync(app);
        emails.Should().HaveCount(495).And.OnlyContain(m => m.Batch == valid.Batch && m.Template == "invitation");
        (await app.QueryAsync(db => db.Invitations.Select(i => i.Organisation).Distinct().ToListAsync())).Should().Equal("University of Twente; EEMCS");
    }

    [Theory, AllDatabases]
    public async Task Csv_QuotedFieldsWithLineBreaks_AndBrokenQuotes_AreReportedByLine(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;

        var ok = await app.SendAsync(new ImportInvitationsCommand(
            "Name,Email,Organisation\n\"de Vries, Ann\",ann@example.org,\"TU Delft\nQuTech\"\nBob,bob@example.org,\n")
        { MissionId = mission });
        var broken = await app.SendAsync(new ImportInvitationsCommand("email,name\ncem@example.org,\"Cem\n") { MissionId = mission });
        var noHeader = await app.SendAsync(new ImportInvitationsCommand("dan@example.org,Dan\n") { MissionId = mission });

        ok.Imported.Should().Be(2);
        (await app.QueryAsync(db => db.Invitations.SingleAsync(i => i.Email == "ann@example.org")))
            .Should().BeEquivalentTo(new { Name = "de Vries, Ann", Organisation = "TU Delft\nQuTech" });
        broken.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = 2 });
        noHeader.Errors.Should().ContainSingle().Which.Message.Should().Contain("name the columns");
    }

    [Theory, AllDatabases]
    public async Task Reminders_GoToThoseWhoHaveNotAnswered_OnTheirDays_Once(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var deadline = today.AddDays(10);
        await app.SendAsync(new SetRegistrationScheduleCommand(deadline, [7, 2]) { MissionId = mission });
        foreach (var who in new[] { "ann", "bob", "cem" })
        {
            await app.SendAsync(Invite(mission, $"{who}@example.org", who));
        }

        var invitations = await OutboxAsync(app);
        await app.SendAsync(new RegisterByInvitationCommand(LinkToken(invitations.Single(m => m.ToAddress == "bob@example.org")),
            new RegistrationDetails("Bob Jansen", "TU Delft", Sector.Academia, DelegationRole.Member, ConsentProcessing: true)));
        await app.SendAsync(new DeclineInvitationCommand(LinkToken(invitations.Single(m => m.ToAddress == "cem@example.org"))));

        (await app.SendAsync(new SendDueRemindersCommand())).Should().Be(0, "nothing is due yet");
        MoveTo(app, deadline.AddDays(-7), 9, 5);
        (await app.SendAsync(new SendDueRemindersCommand())).Should().Be(1);
        (await app.SendAsync(new SendDueRemindersCommand())).Should().Be(0, "a reminder goes out once");
        MoveTo(app, deadline.AddDays(-2), 9, 5);
        (await app.SendAsync(new SendDueRemindersCommand())).Should().Be(1);

        var reminders = (await OutboxAsync(app)).Where(m => m.Template == "invitation-reminder").ToList();
        reminders.Select(m => m.ToAddress).Should().Equal("ann@example.org", "ann@example.org");
        reminders.Select(m => m.Subject).Should().Equal(
            "Reminder: 7 days left to register for NL–UK neuromorphic mission", "Reminder: 2 days left to register for NL–UK neuromorphic mission");
        (await app.SendAsync(new GetInvitationByTokenQuery(LinkToken(reminders[^1])))).Name.Should().Be("ann");
        await FluentActions.Awaiting(() => app.SendAsync(new GetInvitationByTokenQuery(LinkToken(invitations.Single(m => m.ToAddress == "ann@example.org")))))
            .Should().ThrowAsync<NotFoundException>("each reminder carries a fresh link and the older one stops working");
    }

    [Theory, AllDatabases]
    public async Task RemindersThatCameDueBeforeTheScheduleWasSet_AreNotSentLate(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;
        await app.SendAsync(Invite(mission, "ann@example.org"));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        await app.SendAsync(new SetRegistrationScheduleCommand(today.AddDays(3), [7, 2]) { MissionId = mission });
        (await app.SendAsync(new SendDueRemindersCommand())).Should().Be(0, "the 7-day reminder was due before the deadline was set");
        MoveTo(app, today.AddDays(1), 9, 1);
        (await app.SendAsync(new SendDueRemindersCommand())).Should().Be(1, "the 2-day reminder is on time");

        var invalid = () => app.SendAsync(new SetRegistrationScheduleCommand(today.AddDays(60), [7]) { MissionId = mission });
        (await invalid.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Deadline");
    }

    [Theory, AllDatabases]
    public async Task RevokedInvitations_AndAnotherMissionsLinks_AreNotFound(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;
        var invitation = await app.SendAsync(Invite(mission, "ann@example.org"));
        var token = LinkToken((await OutboxAsync(app)).Single());

        await app.SendAsync(new RevokeInvitationCommand(mission, invitation.Id));

        await FluentActions.Awaiting(() => app.SendAsync(new GetInvitationByTokenQuery(token))).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => app.SendAsync(new DeclineInvitationCommand(token))).Should().ThrowAsync<NotFoundException>();
    }

    private static void MoveTo(Slice app, DateOnly day, int hour, int minute)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var target = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), london);
        app.Clock.Advance(target - app.Clock.GetUtcNow().UtcDateTime);
    }


    public static TheoryData<DatabaseProvider, string, string, string> BadInvitees()
    {
        var data = new TheoryData<DatabaseProvider, string, string, string>();
        foreach (var provider in Providers.Each)
        {
            data.Add(provider, "", "Ann", "Email");
            data.Add(provider, "not an address", "Ann", "Email");
            data.Add(provider, "ann@", "Ann", "Email");
            data.Add(provider, "ann@localhost", "Ann", "Email");
            data.Add(provider, "Ann <ann@example.org>", "Ann", "Email");
            data.Add(provider, "ann@example.org; bob@example.org", "Ann", "Email");
            data.Add(provider, "ann@example.org\r\nBcc: victim@example.org", "Ann", "Email");
            data.Add(provider, "ann@example.org", "Ann\r\nBcc: victim@example.org", "Name");
            data.Add(provider, "ann@example.org", "Ann\tde Vries", "Name");
            data.Add(provider, "ann@example.org", new string('A', 2000), "Name");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadInvitees))]
    public async Task Invite_WithABadAddressOrName_IsRefusedByField_AndNothingIsSaved(DatabaseProvider provider, string email, string name, string field)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;

        var refused = await FluentActions.Awaiting(() => app.SendAsync(Invite(mission, email, name))).Should().ThrowAsync<ValidationException>();

        refused.Which.Errors.Select(e => e.PropertyName).Should().Equal(field);
        refused.Which.Errors.Single().ErrorMessage.Should().NotBeNullOrWhiteSpace();
        (await app.CountAsync<Invitation>()).Should().Be(0);
        (await app.CountAsync<OutboxMessage>()).Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task ImportInvitations_NamesEveryBadRow_AndKeepsInvisibleCharactersOutOfTheAddresses(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;
        var csv = "email,name\n"
                  + "\u200Bzw.person@example.org,Zhang Wei\n"    // line 2: fine once the zero-width space is gone
                  + "zoë.o@example.org,Zoë O\n"                  // line 3: fine
                  + "ann de vries@example.org,Ann\n"              // line 4: space
                  + "bob@example.org," + new string('B', 2000) + "\n" // line 5: name too long
                  + "\"cem@example.org\",\"Cem\r\nBcc: x@example.org\"\n" // lines 6-7: header injection in the name
                  + "dirk@example,Dirk\n";                       // line 8: no domain

        var result = await app.SendAsync(new ImportInvitationsCommand(csv) { MissionId = mission });

        result.Imported.Should().Be(0);
        result.Errors.Select(e => (e.Line, e.Column)).Should().Equal((4, "email"), (5, "name"), (6, "name"), (8, "email"));
        (await app.CountAsync<Invitation>()).Should().Be(0);
        (await app.CountAsync<OutboxMessage>()).Should().Be(0);

        var valid = await app.SendAsync(new ImportInvitationsCommand(csv, ImportValidRowsOnly: true) { MissionId = mission });

        valid.Imported.Should().Be(2);
        (await app.QueryAsync(db => db.OutboxMessages.Select(m => m.ToAddress).OrderBy(a => a).ToListAsync()))
            .Should().Equal("zoë.o@example.org", "zw.person@example.org");
    }

    [Theory, AllDatabases]
    public async Task ASpreadsheetAsPeopleSaveIt_IsPreviewedWithoutSaving_ThenImportedWithEveryLetterKept(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // Excel on Windows, "CSV (semicolon delimited)": Windows-1252, first and last name apart, an extra column, one bad row.
        var file = Encoding.GetEncoding(1252).GetBytes(
            "First name;Last name;E-mail;Organisation;Notes\r\nZoë;Müller;zoe@example.org;Universität Zürich;vegan\r\nBob;;not-an-email;;\r\n");

        var preview = await app.SendAsync(new ImportInvitationsCommand(null, File: file, Preview: true) { MissionId = mission });

        preview.Imported.Should().Be(0);
        preview.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = 3, Column = "email" });
        preview.Preview!.Should().BeEquivalentTo(new { Format = "CSV, Windows-1252 (\"ANSI\"), separated by semicolons", Rows = 2, Valid = 1 });
        preview.Preview!.Columns.Select(c => c.ReadAs).Should().Equal("first name (joined into name)", "last name (joined into name)", "email", "organisation", null);
        preview.Preview!.FirstRows[0].Values["name"].Should().Be("Zoë Müller");
        (await app.CountAsync<Invitation>()).Should().Be(0, "a preview saves nothing");
        (await app.CountAsync<OutboxMessage>()).Should().Be(0);

        var imported = await app.SendAsync(new ImportInvitationsCommand(null, ImportValidRowsOnly: true, File: file) { MissionId = mission });

        imported.Imported.Should().Be(1);
        (await app.QueryAsync(db => db.Invitations.SingleAsync())).Should().BeEquivalentTo(new { Name = "Zoë Müller", Organisation = "Universität Zürich" });
        (await OutboxAsync(app)).Single().TextBody.Should().Contain("Dear Zoë Müller").And.NotContain("\uFFFD");
    }

    [Theory, AllDatabases]
    public async Task AFileWithLostLetters_IsRefusedNamingItsLine_AndNothingIsSaved(DatabaseProvider provider)
    {
        var (app, mission) = await ArrangeAsync(provider);
        await using var _ = app;

        var result = await app.SendAsync(new ImportInvitationsCommand("email,name\nann@example.org,Ann\nzoe@example.org,Zo\uFFFD M\uFFFDller\n") { MissionId = mission });
        var both = () => app.SendAsync(new ImportInvitationsCommand("email,name\nann@example.org,Ann\n", File: [1, 2, 3]) { MissionId = mission });

        result.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = 3, Column = "" });
        result.Preview.Should().BeNull();
        (await app.CountAsync<Invitation>()).Should().Be(0);
        (await both.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.ErrorMessage.Contains("one of the two"));
    }
}
