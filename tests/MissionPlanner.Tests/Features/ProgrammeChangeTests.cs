using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Outbox;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class ProgrammeChangeTests
{
    private static readonly DateOnly Start = new(2027, 1, 18);

    [Theory, AllDatabases]
    public async Task ProgrammeChanges_ReachEachAffectedPersonOnce_AfterTheProgrammeGoesQuiet_WithTheirCalendarAttached(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await Slice.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Auth:PublicBaseUrl"] = "https://mp.example",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = smtp.Port.ToString(),
            ["Email:StartTls"] = "false",
            ["Notifications:ProgrammeChangeDebounce"] = "00:10:00",
        });
        var mission = await app.SendAsync(new CreateMissionCommand("NL–UK mission", null, "United Kingdom", "London", "Europe/London", Start, Start.AddDays(3)));
        await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        var symposium = await app.SendAsync(new CreateProgrammeItemCommand("Symposium", null, ProgrammeItemKind.SymposiumSession,
            Start.ToDateTime(new TimeOnly(9, 0)), Start.ToDateTime(new TimeOnly(17, 0)), null, null, false)
        { MissionId = mission });
        var visit = await app.SendAsync(new CreateProgrammeItemCommand("Company visit", null, ProgrammeItemKind.CompanyVisit,
            Start.AddDays(1).ToDateTime(new TimeOnly(10, 0)), Start.AddDays(1).ToDateTime(new TimeOnly(12, 0)), null, null, true)
        { MissionId = mission });
        await app.SendAsync(new SetItemAudienceCommand(Audience.Sectors, [Sector.Industry], null) { MissionId = mission, ItemId = visit });
        await app.SendAsync(new ImportInvitationsCommand("email,name\nann@example.org,Ann\nbob@example.org,Bob\n") { MissionId = mission });
        foreach (var (email, sector) in new[] { ("ann@example.org", Sector.Academia), ("bob@example.org", Sector.Industry) })
        {
            var body = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.TextBody).SingleAsync());
            await app.SendAsync(new RegisterByInvitationCommand(EmailLinks.TokenOf(body, LinkKind.Invitation),
                new RegistrationDetails(email[..3], "Org", sector, DelegationRole.Member, true)));
        }

        await app.SendAsync(new UpdateProgrammeItemCommand("Symposium", null, ProgrammeItemKind.SymposiumSession,
            Start.ToDateTime(new TimeOnly(10, 0)), Start.ToDateTime(new TimeOnly(18, 0)), null, null, false,
            await app.QueryAsync(db => db.ProgrammeItems.Where(p => p.Id == symposium).Select(p => p.Version).SingleAsync()))
        { MissionId = mission, ItemId = symposium });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.SendAsync(new CancelProgrammeItemCommand(mission, visit));

        (await app.SendAsync(new NotifyProgrammeChangesCommand())).Should().Be(0, "the programme is still changing");
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        (await app.SendAsync(new NotifyProgrammeChangesCommand())).Should().Be(2);
        (await app.SendAsync(new NotifyProgrammeChangesCommand())).Should().Be(0, "each batch is told once");
        while ((await app.SendAsync(new DispatchOutboxCommand())).Sent > 0)
        {
        }

        var all = await smtp.WaitForAsync(2 + 2 + 2);
        var confirmation = all.Single(m => m.To!.Contains("bob@example.org") && m.Subject!.StartsWith("You are registered", StringComparison.Ordinal));
        (await IcsParser.ParseAsync(confirmation.Attachments.Single().Content!)).Events.Select(e => e.Summary)
            .Should().BeEquivalentTo(["Symposium", "Company visit"], "a confirmation carries the person's programme");
        var received = all.Where(m => m.Subject == "Programme changes: NL–UK mission").ToList();
        received.Should().HaveCount(2);
        var ann = received.Single(m => m.To!.Contains("ann@example.org"));
        ann.Text.Should().Contain("'Symposium' is now Monday 18 January, 10:00–18:00.").And.NotContain("Company visit", "Ann's sector is not visiting");
        var bob = received.Single(m => m.To!.Contains("bob@example.org"));
        bob.Text.Should().Contain("'Symposium' is now Monday 18 January, 10:00–18:00.")
            .And.Contain("'Company visit' (Tuesday 19 January, 10:00–12:00) is cancelled.");
        bob.Text.IndexOf("Symposium", StringComparison.Ordinal).Should().BeLessThan(bob.Text.IndexOf("Company visit", StringComparison.Ordinal), "changes are listed in order");
        var attachment = bob.Attachments.Single();
        attachment.Filename.Should().Be("programme.ics");
        var calendar = await IcsParser.ParseAsync(attachment.Content!);
        calendar.Events.Single(e => e.Summary == "Company visit").Status.Should().Be("CANCELLED");
        calendar.Events.Single(e => e.Summary == "Symposium").StartUtc.Should().Be("2027-01-18T10:00:00Z");
    }
}
