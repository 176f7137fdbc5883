using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Ceremonies;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>A signing ceremony at the embassy, as in the story: OPT/NET BV sets up its UK entity.</summary>
public sealed class CeremonyTests
{
    private static readonly DateOnly Start = new(2027, 1, 18);

    internal sealed record World(Slice App, Guid Mission, Guid Ceremony, Guid OptNet, Guid Uk, Dictionary<string, Guid> People, Dictionary<string, Guid> Registrations);

    internal static async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider, Start);
        var (app, mission) = (scenario.App, scenario.Mission);
        var embassy = await app.SendAsync(new CreateVenueCommand("Embassy of the Kingdom of the Netherlands", null, "London", VenueKind.Embassy, null, null) { MissionId = mission });
        var item = await app.SendAsync(new CreateProgrammeItemCommand("Signing ceremony: OPT/NET BV establishes its UK entity", null, ProgrammeItemKind.SigningCeremony,
            Start.ToDateTime(new TimeOnly(15, 30)), Start.ToDateTime(new TimeOnly(16, 0)), embassy, 80, false)
        { MissionId = mission });
        await scenario.InviteAsync(("luuk@optnet.example", "Luuk van der Meer"), ("fleur@optnet.example", "Fleur Kok"), ("sarah@dbt.example", "Sarah Jones"));
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, name == "Sarah Jones" ? "Department for Business and Trade" : "OPT/NET BV",
            name == "Sarah Jones" ? Sector.Government : Sector.Industry, name == "Sarah Jones" ? DelegationRole.Guest : DelegationRole.Member, true));
        var registrations = scenario.RegistrationIds;

        var ceremony = await app.SendAsync(new CreateCeremonyCommand(mission, item));
        var optNet = await app.SendAsync(new AddCeremonyPartyCommand("OPT/NET BV") { MissionId = mission, CeremonyId = ceremony });
        var uk = await app.SendAsync(new AddCeremonyPartyCommand("Department for Business and Trade") { MissionId = mission, CeremonyId = ceremony });
        await app.SendAsync(new ConfigureCeremonyCommand(SeatingConvention.HostOnTheRight, null, uk, 4, 0) { MissionId = mission, CeremonyId = ceremony });
        var people = new Dictionary<string, Guid>();
        async Task Add(string key, AddCeremonyPersonCommand command) => people[key] = await app.SendAsync(command with { MissionId = mission, CeremonyId = ceremony });
        await Add("Luuk", new AddCeremonyPersonCommand(CeremonyRole.Signatory, null, "Chief executive", null, null)
        { RegistrationId = registrations["Luuk van der Meer"], PartyId = optNet, TieBreak = 1, Speaks = true });
        await Add("Sarah", new AddCeremonyPersonCommand(CeremonyRole.Signatory, null, "Director, Investment", null, null)
        { RegistrationId = registrations["Sarah Jones"], PartyId = uk });
        await Add("Ambassador", new AddCeremonyPersonCommand(CeremonyRole.HeadOfMission, "H.E. Karel Visser", "Ambassador of the Kingdom of the Netherlands",
            "Embassy of the Kingdom of the Netherlands", "ambassador@embassy.example")
        { Speaks = true });
        await Add("Director", new AddCeremonyPersonCommand(CeremonyRole.Director, "Marieke van Dalen", "Director", "Topsector ICT", "marieke@topsector.example"));
        await Add("Official", new AddCeremonyPersonCommand(CeremonyRole.Dignitary, "Pieter Hoekstra", "Senior policy officer", "Ministry of Economic Affairs", "pieter@minez.example"));
        await Add("MC", new AddCeremonyPersonCommand(CeremonyRole.MasterOfCeremonies, "Sanne de Wit", "Innovation attaché", "Netherlands Innovation Network UK", null));
        await app.SendAsync(new SaveAgreementCommand("Establishment agreement of OPT/NET UK Ltd", "English, Dutch", 2, "Fleur Kok", AgreementStatus.Final)
        { MissionId = mission, CeremonyId = ceremony });
        return new World(app, mission, ceremony, optNet, uk, people, registrations);
    }

    [Theory, AllDatabases]
    public async Task TheCeremony_OrdersSeatsAndTimesItsPeople_AndRefusesWhatCannotWork(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;

        var view = await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony));

        view.People.Select(p => p.Name).Should().Equal("H.E. Karel Visser", "Marieke van Dalen", "Pieter Hoekstra", "Luuk van der Meer", "Sarah Jones", "Sanne de Wit");
        view.Precedence[0].Should().Be("1. H.E. Karel Visser: rank 10 as head of mission");
        view.SpeakingOrder.Select(p => p.Name).Should().Equal("Luuk van der Meer", "H.E. Karel Visser");
        view.SigningOrder.Select(p => p.Name).Should().Equal("Luuk van der Meer", "Sarah Jones");
        view.Table.Select(s => s.Name).Should().Equal("Luuk van der Meer", "Sarah Jones");
        view.Table.Select(s => s.Party).Should().Equal("OPT/NET BV", "Department for Business and Trade");
        view.FrontRows.Single().Select(s => s.Name).Should().Equal("Marieke van Dalen", "H.E. Karel Visser", "Pieter Hoekstra");
        view.People.Single(p => p.Name == "Luuk van der Meer").Organisation.Should().Be("OPT/NET BV", "a signatory's details come from their registration");
        view.Warnings.Should().BeEmpty();
        view.RunOfShow.Select(l => $"{l.StartsLocal:HH:mm} {l.Title}").Should().Equal(
            "15:30 Arrival of guests and signatories", "15:35 Welcome by the master of ceremonies", "15:38 Signing", "15:43 Exchange of documents", "15:45 Official photograph");

        // Remarks after the welcome, in speaking order; planning them twice replaces them.
        (await w.App.SendAsync(new PlanRemarksCommand(w.Mission, w.Ceremony, 3))).Should().Be(2);
        (await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony))).RunOfShow.Select(l => $"{l.StartsLocal:HH:mm} {l.Title}").Should().Equal(
            "15:30 Arrival of guests and signatories", "15:35 Welcome by the master of ceremonies", "15:38 Remarks by Luuk van der Meer, Chief executive",
            "15:41 Remarks by H.E. Karel Visser, Ambassador of the Kingdom of the Netherlands", "15:44 Signing", "15:49 Exchange of documents", "15:51 Official photograph");
        var tooMuchTalk = () => w.App.SendAsync(new PlanRemarksCommand(w.Mission, w.Ceremony, 10));
        await tooMuchTalk.Should().ThrowAsync<DomainException>().WithMessage("The run of show would end at 16:08*");
        (await w.App.SendAsync(new PlanRemarksCommand(w.Mission, w.Ceremony, 3))).Should().Be(2);
        foreach (var remark in (await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony))).RunOfShow.Where(l => l.Title.StartsWith("Remarks")))
        {
            await w.App.SendAsync(new RemoveRunOfShowLineCommand(w.Mission, w.Ceremony, remark.Id));
        }

        // A remark by hand after the welcome, then a later welcome: everything after it moves too.
        await w.App.SendAsync(new SaveRunOfShowLineCommand("Remarks by the Ambassador", "H.E. Karel Visser", 0, 5) { MissionId = w.Mission, CeremonyId = w.Ceremony, Position = 3 });
        var welcome = view.RunOfShow[1].Id;
        await w.App.SendAsync(new ShiftRunOfShowLineCommand(w.Mission, w.Ceremony, welcome, 2));
        (await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony))).RunOfShow.Select(l => $"{l.StartsLocal:HH:mm} {l.Title}").Should().Equal(
            "15:30 Arrival of guests and signatories", "15:37 Welcome by the master of ceremonies", "15:40 Remarks by the Ambassador", "15:45 Signing",
            "15:50 Exchange of documents", "15:52 Official photograph");
        var tooLong = () => w.App.SendAsync(new ShiftRunOfShowLineCommand(w.Mission, w.Ceremony, welcome, 10));
        (await tooLong.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be(
            "The run of show would end at 16:05, after 'Signing ceremony: OPT/NET BV establishes its UK entity' ends at 16:00: shorten a line or lengthen the programme item.");
        var tooLongLine = () => w.App.SendAsync(new SaveRunOfShowLineCommand("Reception", null, 0, 30) { MissionId = w.Mission, CeremonyId = w.Ceremony });
        await tooLongLine.Should().ThrowAsync<DomainException>();
        (await w.App.QueryAsync(db => db.RunOfShowLines.CountAsync())).Should().Be(6, "nothing half-saved");

        // Bad input: a signatory who is not registered; a task due after the ceremony; a tie without a tie-break.
        var outsider = () => w.App.SendAsync(new AddCeremonyPersonCommand(CeremonyRole.Signatory, "Someone Else", null, "Acme", null)
        { MissionId = w.Mission, CeremonyId = w.Ceremony, PartyId = w.OptNet });
        (await outsider.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "RegistrationId");
        var stranger = () => w.App.SendAsync(new AddCeremonyPersonCommand(CeremonyRole.Signatory, null, null, null, null)
        { MissionId = w.Mission, CeremonyId = w.Ceremony, PartyId = w.OptNet, RegistrationId = Guid.NewGuid() });
        (await stranger.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("not registered for this mission");
        var late = () => w.App.SendAsync(new AddCeremonyTaskCommand("Flags", "Thomas", "thomas@example.org", Start.AddDays(1)) { MissionId = w.Mission, CeremonyId = w.Ceremony });
        (await late.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("DueDate");
        await w.App.SendAsync(new AddCeremonyPersonCommand(CeremonyRole.Signatory, null, "Head of research", null, null)
        { MissionId = w.Mission, CeremonyId = w.Ceremony, RegistrationId = w.Registrations["Fleur Kok"], PartyId = w.OptNet });
        (await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony))).Warnings.Should().BeEmpty("Luuk's tie-break puts him first");
        await w.App.SendAsync(new PlaceCeremonyPersonCommand(w.OptNet, null, null, true) { MissionId = w.Mission, CeremonyId = w.Ceremony, PersonId = w.People["Luuk"] });
        (await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony))).Warnings.Should().ContainSingle()
            .Which.Should().StartWith("Fleur Kok and Luuk van der Meer sign for the same party with the same rank (40) and no tie-break");
    }

    [Theory, AllDatabases]
    public async Task Erasing_a_signatory_ends_their_confirmation_link_and_keeps_their_seat_without_their_name(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        await w.App.SendAsync(new AskCeremonyConfirmationsCommand(w.Mission, w.Ceremony));
        var link = EmailLinks.TokenOf(await w.App.QueryAsync(db => db.OutboxMessages
            .Where(m => m.Template == "ceremony-confirmation" && m.ToAddress == "luuk@optnet.example").Select(m => m.TextBody).SingleAsync()), LinkKind.Ceremony);
        (await w.App.SendAsync(new GetCeremonyInvitationQuery(link))).Name.Should().Be("Luuk van der Meer");

        await w.App.SendAsync(new ErasePersonCommand(w.Mission, w.Registrations["Luuk van der Meer"]));

        await FluentActions.Awaiting(() => w.App.SendAsync(new GetCeremonyInvitationQuery(link))).Should().ThrowAsync<NotFoundException>();
        var view = await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony));
        view.SigningOrder.Select(p => p.Name).Should().Contain("Erased participant").And.NotContain("Luuk van der Meer");
        (await w.App.QueryAsync(db => TextSearch.FindAsync(db, "Luuk van der Meer"))).Should().BeEmpty("erasure leaves no trace of the name");
    }

    [Theory, AllDatabases]
    public async Task Confirmations_GoByPersonalLink_WithReminders_AndOverdueTasksEmailTheirOwnerOnce(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;

        (await w.App.SendAsync(new AskCeremonyConfirmationsCommand(w.Mission, w.Ceremony))).Should().Be(5, "two signatories and three dignitaries; the MC has no part to confirm");
        var links = (await w.App.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "ceremony-confirmation").ToListAsync()))
            .ToDictionary(m => m.ToAddress, m => EmailLinks.TokenOf(m.TextBody, LinkKind.Ceremony));
        var luuk = await w.App.SendAsync(new GetCeremonyInvitationQuery(links["luuk@optnet.example"]));
        luuk.Should().BeEquivalentTo(new { Name = "Luuk van der Meer", Role = "signatory", SigningPosition = (int?)1, Venue = "Embassy of the Kingdom of the Netherlands" },
            o => o.ExcludingMissingMembers());
        luuk.Agreements.Should().Equal("Establishment agreement of OPT/NET UK Ltd");
        await w.App.SendAsync(new RespondToCeremonyCommand(links["luuk@optnet.example"], true));
        await w.App.SendAsync(new RespondToCeremonyCommand(links["pieter@minez.example"], false));
        var tampered = () => w.App.SendAsync(new GetCeremonyInvitationQuery(links["luuk@optnet.example"][..^2] + "zz"));
        await tampered.Should().ThrowAsync<NotFoundException>();
        (await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony))).StillToConfirm.Select(p => p.Name)
            .Should().BeEquivalentTo("H.E. Karel Visser", "Marieke van Dalen", "Sarah Jones");

        await w.App.SendAsync(new AddCeremonyTaskCommand("Bring the signing pens", "Thomas Visser", "thomas@example.org", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2))
        { MissionId = w.Mission, CeremonyId = w.Ceremony });
        (await w.App.SendAsync(new SendCeremonyRemindersCommand())).Should().Be((0, 0), "nothing is due yet");

        w.App.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromHours(1)));
        (await w.App.SendAsync(new SendCeremonyRemindersCommand())).Should().Be((3, 1), "the three who have not answered, and the pens now overdue");
        (await w.App.SendAsync(new SendCeremonyRemindersCommand())).Should().Be((0, 0), "each reminder once per interval, each overdue task once");
        var overdue = await w.App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "ceremony-task-overdue"));
        overdue.ToAddress.Should().Be("thomas@example.org");
        overdue.Subject.Should().Be("Overdue: Bring the signing pens (Signing ceremony: OPT/NET BV establishes its UK entity)");
        var progress = await w.App.SendAsync(new GetCeremonyQuery(w.Mission, w.Ceremony));
        progress.Tasks.Single().Overdue.Should().BeTrue();
        progress.People.Single(p => p.Name == "Sarah Jones").Reminders.Should().Be(1);
        var oldLink = () => w.App.SendAsync(new GetCeremonyInvitationQuery(links["sarah@dbt.example"]));
        await oldLink.Should().ThrowAsync<NotFoundException>("a reminder's link replaces the first");
    }

    [Fact]
    public async Task TheThreePdfs_HaveTheRightNamesInTheRightOrder()
    {
        var w = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = w.App;

        var runOfShow = await DocumentTests.PdfText(await w.App.SendAsync(new GetCeremonyPdfQuery(w.Mission, w.Ceremony, CeremonyDocumentKind.RunOfShow)));
        var seating = await DocumentTests.PdfText(await w.App.SendAsync(new GetCeremonyPdfQuery(w.Mission, w.Ceremony, CeremonyDocumentKind.SeatingPlan)));
        var briefings = await DocumentTests.PdfText(await w.App.SendAsync(new GetCeremonyPdfQuery(w.Mission, w.Ceremony, CeremonyDocumentKind.Briefings)));

        runOfShow.Should().Contain("15:30–15:35").And.Contain("Arrival of guests and signatories").And.Contain("15:38–15:43");
        InOrder(runOfShow, "Arrival of guests", "Welcome by the master", "Signing", "Exchange of documents", "Official photograph");
        InOrder(runOfShow, "speaking order", "Luuk van der Meer", "H.E. Karel Visser");
        InOrder(seating, "Signing table", "1. Luuk van der Meer", "2. Sarah Jones", "Row 1", "Marieke van Dalen", "H.E. Karel Visser", "Pieter Hoekstra");
        seating.Should().Contain("host party on the right, as seen from the audience");
        Regex.Matches(briefings, "\f").Count.Should().Be(2, "one page per signatory");
        InOrder(briefings, "Briefing for Luuk van der Meer", "number 1 of 2", "Establishment agreement of OPT/NET UK Ltd", "Briefing for Sarah Jones", "number 2 of 2");
        briefings.Should().Contain("15:38").And.Contain("arrive by 15:15");
        await DocumentTests.SnapshotAsync(await w.App.SendAsync(new GetCeremonyPdfQuery(w.Mission, w.Ceremony, CeremonyDocumentKind.SeatingPlan)), "ceremony-seating");
    }

    private static void InOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var next = text.IndexOf(part, at, StringComparison.Ordinal);
            next.Should().BeGreaterThanOrEqualTo(0, $"'{part}' should follow in order in:\n{text}");
            at = next + part.Length;
        }
    }
}
