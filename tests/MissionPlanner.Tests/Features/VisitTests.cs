using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Documents;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Documents;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Travel;
using MissionPlanner.Features.Venues;
using MissionPlanner.Features.Visits;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>
/// Lab tours and company visits end to end on a small mission: hosts and visits, preferences through
/// personal links, the solver's schedule with its explanations, moves by hand, publication into
/// itineraries, and the host's confirmation link with its visitor list.
/// </summary>
public sealed class VisitTests
{
    private static readonly DateOnly Start = new(2027, 1, 18);

    private sealed record World(Slice App, Guid Mission, Guid Cavendish, Guid Arm, Guid Cleanroom, Guid SecureLab, Guid ArmVisit, Dictionary<string, string> Tokens,
        Dictionary<string, Guid> Ids);

    private static DateTime Tue(int hour, int minute = 0) => Start.AddDays(1).ToDateTime(new TimeOnly(hour, minute));

    /// <summary>
    /// Cleanroom: two groups of exactly two (10:00, 11:00); secure lab with ID screening (14:00);
    /// ARM: one group of 2–6 (10:00–11:30). P0 and P1 registered before screening existed, so they have
    /// no ID details; P2–P7 gave theirs.
    /// </summary>
    private static async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider, Start, city: "Cambridge");
        var (app, mission) = (scenario.App, scenario.Mission);
        var lab = await app.SendAsync(new CreateVenueCommand("Cavendish Laboratory", "JJ Thomson Avenue", "Cambridge", VenueKind.Lab, null, null) { MissionId = mission });
        var company = await app.SendAsync(new CreateVenueCommand("ARM", "110 Fulbourn Road", "Cambridge", VenueKind.Company, null, null) { MissionId = mission });
        await app.SendAsync(new SetTravelTimeCommand(lab, company, 30) { MissionId = mission });
        await app.SendAsync(new CreateProgrammeItemCommand("Symposium", null, ProgrammeItemKind.SymposiumSession,
            Start.ToDateTime(new TimeOnly(9, 0)), Start.ToDateTime(new TimeOnly(17, 0)), lab, null, false)
        { MissionId = mission });
        var cavendish = await app.SendAsync(new CreateHostCommand("Cavendish Laboratory", "Dr Jane Smith", "jane@cam.example", "+44 1223 000000") { MissionId = mission });
        var arm = await app.SendAsync(new CreateHostCommand("ARM Ltd", "Bob Jones", "bob@arm.example", null) { MissionId = mission });

        await scenario.InviteAsync(Enumerable.Range(0, 8).Select(i => ($"p{i}@example.org", $"P{i}")).ToArray());
        var tokens = scenario.RegistrationTokens;
        Task Register(string name, bool withId) => scenario.RegisterAsync($"p{name[1..]}@example.org", _ =>
            new RegistrationDetails(name, $"Org {name}", Sector.Academia, DelegationRole.Member, true, JobTitle: "Researcher",
                Nationality: withId ? "Dutch" : null, IdNumber: withId ? $"NX{name}1234" : null, DateOfBirth: withId ? new DateOnly(1980, 5, 1) : null));
        await Register("P0", false);
        await Register("P1", false);

        var cleanroom = await app.SendAsync(new CreateVisitCommand(cavendish, lab, "Cleanroom tour", ProgrammeItemKind.LabTour, 60, 2, 2,
            [new VisitWindowInput(Tue(10), Tue(12))])
        { MissionId = mission, Requirements = VisitRequirements.Gowning | VisitRequirements.ClosedShoes });
        var secure = await app.SendAsync(new CreateVisitCommand(cavendish, lab, "Secure lab", ProgrammeItemKind.LabTour, 60, 1, 4,
            [new VisitWindowInput(Tue(14), Tue(15))])
        { MissionId = mission, Requirements = VisitRequirements.IdScreening, ScreeningLeadDays = 14 });
        var armVisit = await app.SendAsync(new CreateVisitCommand(arm, company, "ARM design centre", ProgrammeItemKind.CompanyVisit, 90, 2, 6,
            [new VisitWindowInput(Tue(10), Tue(11, 30))])
        { MissionId = mission, Requirements = VisitRequirements.Nda, Notes = "Bring photo ID." });
        foreach (var name in new[] { "P2", "P3", "P4", "P5", "P6", "P7" })
        {
            await Register(name, true);
        }

        var ids = await app.QueryAsync(db => db.Registrations.ToDictionaryAsync(r => r.Name, r => r.Id));
        await app.SendAsync(new SetMyVisitPreferencesCommand(tokens["P0"], [secure, cleanroom]));
        await app.SendAsync(new SetMyVisitPreferencesCommand(tokens["P1"], [secure]));
        foreach (var name in new[] { "P2", "P3", "P4", "P5", "P6" })
        {
            await app.SendAsync(new SetMyVisitPreferencesCommand(tokens[name], [cleanroom, armVisit]));
        }

        await app.SendAsync(new SetMyVisitPreferencesCommand(tokens["P7"], [secure, cleanroom, armVisit]));
        return new World(app, mission, cavendish, arm, cleanroom, secure, armVisit, tokens, ids);
    }

    [Theory, AllDatabases]
    public async Task The_schedule_keeps_people_out_of_groups_before_they_arrive_and_the_pages_warn_of_what_falls_outside_a_stay(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        // P2 lands on Tuesday at 10:20 and is in town an hour later, after every group P2 ranked has started (the 11:00 one too): none for P2.
        var hub = await w.App.SendAsync(new AddTravelHubCommand("London Stansted", "STN", MissionPlanner.Domain.Travel.HubKind.Airport, "Europe/London") { MissionId = w.Mission });
        await w.App.SendAsync(new SetTravelLegCommand(MissionPlanner.Domain.Travel.LegMode.Flight, "KLM", "KL1021", hub, "Amsterdam", Tue(10, 20))
        { MissionId = w.Mission, RegistrationId = w.Ids["P2"], Direction = MissionPlanner.Domain.Travel.LegDirection.Arrival });

        var result = await w.App.SendAsync(new RunVisitSchedulingCommand(w.Mission));

        result.Warnings.Should().BeEmpty();
        var p2 = await w.App.QueryAsync(db => db.VisitAssignments.Where(a => a.RegistrationId == w.Ids["P2"]).ToListAsync());
        p2.Should().BeEmpty();

        // Moved by hand into the 10:00 group, the plan warns; the Programme page names the symposium P2 misses.
        var plan = await w.App.SendAsync(new GetVisitPlanQuery(w.Mission));
        var early = plan.Visits.Single(v => v.Id == w.Cleanroom).Groups[0].Key;
        var warnings = await w.App.SendAsync(new MoveVisitorCommand(w.Ids["P2"], null, early) { MissionId = w.Mission, DryRun = true });
        warnings.Should().Contain(x => x.StartsWith("P2 arrives Tue 19 Jan 10:20 (free from 11:20), outside 'Cleanroom tour' Tue 19 Jan 10:00"));
        (await w.App.SendAsync(new GetProgrammeWarningsQuery(w.Mission))).Should().ContainSingle(x => x.Kind == ProgrammeWarningKind.OutsideStay)
            .Which.Message.Should().Be("'Symposium' (Mon 09:00–17:00) is outside the stay of P2 (arrives Tue 19 Jan 10:20).");
    }

    private static async Task<Dictionary<Guid, List<string>>> PlacesAsync(World w) =>
        (await w.App.QueryAsync(db => db.VisitAssignments.ToListAsync())).GroupBy(a => a.VisitId)
        .ToDictionary(g => g.Key, g => g.Select(a => w.Ids.Single(i => i.Value == a.RegistrationId).Key).Order().ToList());

    [Theory, AllDatabases]
    public async Task TheSchedule_IsFairAndFeasible_ExplainsMisses_AndKeepsManualMoves(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;

        var result = await w.App.SendAsync(new RunVisitSchedulingCommand(w.Mission));

        result.WithoutTopChoice.Should().Be(1, "only P1, who ranked nothing but the screened lab without ID details, misses out");
        result.Warnings.Should().BeEmpty();
        var places = await PlacesAsync(w);
        places[w.SecureLab].Should().Equal("P7");
        places[w.Cleanroom].Should().HaveCount(4).And.Contain("P0", "P0's only feasible top choice is the cleanroom");
        places[w.ArmVisit].Should().HaveCount(2, "the two the cleanroom cannot take form ARM's minimum group");
        places.Values.SelectMany(p => p).Should().NotContain("P1").And.OnlyHaveUniqueItems();
        var groups = await w.App.QueryAsync(db => db.VisitAssignments.Where(a => a.VisitId == w.Cleanroom).GroupBy(a => a.StartsAt).Select(g => g.Count()).ToListAsync());
        groups.Should().Equal(2, 2);

        var plan = await w.App.SendAsync(new GetVisitPlanQuery(w.Mission));
        plan.People.Single(p => p.Name == "P1").Unmet.Should().ContainSingle().Which.Should().Be("#1 Secure lab: requires ID details in time for screening");
        plan.People.Single(p => p.Name == "P0").Unmet.Should().ContainSingle().Which.Should().StartWith("#1 Secure lab");
        plan.People.Single(p => p.Name == "P1").GotTopChoice.Should().BeFalse();
        plan.Warnings.Should().BeEmpty();

        // A move by hand: someone from ARM into a full cleanroom group. The dry run reports, changes nothing.
        var mover = places[w.ArmVisit][0];
        var armGroup = plan.Visits.Single(v => v.Id == w.ArmVisit).Groups.Single().Key;
        var fullGroup = plan.Visits.Single(v => v.Id == w.Cleanroom).Groups[0].Key;
        var preview = await w.App.SendAsync(new MoveVisitorCommand(w.Ids[mover], armGroup, fullGroup) { MissionId = w.Mission, DryRun = true });
        preview.Should().Contain(m => m.Contains("has 3 people; the host takes 2")).And.Contain(m => m.Contains("the host needs at least 2"));
        (await PlacesAsync(w))[w.ArmVisit].Should().Contain(mover, "a dry run changes nothing");
        var warnings = await w.App.SendAsync(new MoveVisitorCommand(w.Ids[mover], armGroup, fullGroup) { MissionId = w.Mission });
        warnings.Should().BeEquivalentTo(preview);

        var overPinned = () => w.App.SendAsync(new RunVisitSchedulingCommand(w.Mission));
        // Only one is pinned there, so the run is possible and keeps the pin; two pinned into a group of two plus one more is not.
        await overPinned.Should().NotThrowAsync();
        (await PlacesAsync(w))[w.Cleanroom].Should().Contain(mover, "the organiser's move is kept");
        foreach (var other in (await PlacesAsync(w))[w.Cleanroom].Where(n => n != mover).Take(2))
        {
            var key = (await w.App.SendAsync(new GetVisitPlanQuery(w.Mission))).People.Single(p => p.Name == other).Places.Single().GroupKey;
            await w.App.SendAsync(new MoveVisitorCommand(w.Ids[other], key, fullGroup) { MissionId = w.Mission });
        }

        (await overPinned.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("placed by hand in 'Cleanroom tour' Tue 19 Jan 10:00–11:00, which takes 2");

        await w.App.SendAsync(new LockVisitPlanCommand(w.Mission, true));
        await overPinned.Should().ThrowAsync<DomainException>().WithMessage("*locked*");
        var late = () => w.App.SendAsync(new SetMyVisitPreferencesCommand(w.Tokens["P2"], [w.ArmVisit]));
        await late.Should().ThrowAsync<DomainException>().WithMessage("*visit groups have been made*");
    }

    [Theory, AllDatabases]
    public async Task Publishing_PutsEachGroupInItsPeoplesItineraries_AndEmailsThemTheChange(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        await w.App.SendAsync(new RunVisitSchedulingCommand(w.Mission));
        var places = await PlacesAsync(w);

        var published = await w.App.SendAsync(new PublishVisitPlanCommand(w.Mission));

        published.Should().Be(new PublishResult(Groups: 4, Added: 7, Removed: 0, Cancelled: 0));
        var p7 = await w.App.SendAsync(new GetMyItineraryQuery(w.Tokens["P7"]));
        p7.Items.Select(i => i.Title).Should().Equal("Symposium", "Secure lab");
        var p1 = await w.App.SendAsync(new GetMyItineraryQuery(w.Tokens["P1"]));
        p1.Items.Select(i => i.Title).Should().Equal("Symposium");
        var cleanroomPerson = places[w.Cleanroom][0];
        var mine = (await w.App.SendAsync(new GetMyItineraryQuery(w.Tokens[cleanroomPerson]))).Items.Single(i => i.Title == "Cleanroom tour");
        mine.DressCode.Should().Be("Closed shoes; gowning provided");
        mine.Contact.Should().Be("Dr Jane Smith, +44 1223 000000");
        (await w.App.SendAsync(new GetMyVisitChoicesQuery(w.Tokens[cleanroomPerson]))).Places.Should().ContainSingle(p => p.Title == "Cleanroom tour");
        (await w.App.SendAsync(new GetProgrammeWarningsQuery(w.Mission))).Should().BeEmpty("the published groups clash with nothing");

        // Moving someone after publication and publishing again: they alone hear about it.
        var mover = places[w.ArmVisit][0];
        var plan = await w.App.SendAsync(new GetVisitPlanQuery(w.Mission));
        await w.App.SendAsync(new MoveVisitorCommand(w.Ids[mover], plan.Visits.Single(v => v.Id == w.ArmVisit).Groups[0].Key,
            plan.Visits.Single(v => v.Id == w.SecureLab).Groups[0].Key)
        { MissionId = w.Mission });
        (await w.App.SendAsync(new GetVisitPlanQuery(w.Mission))).ChangedSincePublish.Should().BeTrue();
        var again = await w.App.SendAsync(new PublishVisitPlanCommand(w.Mission));
        again.Should().Be(new PublishResult(Groups: 4, Added: 1, Removed: 1, Cancelled: 0));
        (await w.App.SendAsync(new GetMyItineraryQuery(w.Tokens[mover]))).Items.Select(i => i.Title).Should().Equal("Symposium", "Secure lab");

        w.App.Clock.Advance(TimeSpan.FromMinutes(11));
        var sent = await w.App.SendAsync(new NotifyProgrammeChangesCommand());
        sent.Should().Be(7, "everyone placed hears once, in one email with both rounds of changes");
        var moverMail = await w.App.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "programme-changes" && m.ToAddress == mover.ToLowerInvariant() + "@example.org")
            .Select(m => m.TextBody).SingleAsync());
        moverMail.Should().Contain("Your visit: 'ARM design centre'").And.Contain("'ARM design centre', Tuesday 19 January, 10:00–11:30, is no longer in your programme")
            .And.Contain("Your visit: 'Secure lab'");
        (await w.App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Template == "programme-changes" && m.ToAddress == "p1@example.org"))).Should().Be(0);

        // Someone placed cancels: their place goes back, and the next publication takes them out of the group.
        await w.App.SendAsync(new CancelMyRegistrationCommand(w.Tokens["P7"]));
        (await PlacesAsync(w))[w.SecureLab].Should().Equal(mover);
        (await w.App.SendAsync(new GetVisitPlanQuery(w.Mission))).ChangedSincePublish.Should().BeTrue();
        (await w.App.SendAsync(new PublishVisitPlanCommand(w.Mission))).Should().Be(new PublishResult(Groups: 4, Added: 0, Removed: 1, Cancelled: 0));
    }

    [Theory, AllDatabases]
    public async Task Hosts_ConfirmThroughTheirLink_SeeOnlyTheirVisitors_AndAChangeReopensTheVisit(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        await w.App.SendAsync(new RunVisitSchedulingCommand(w.Mission));
        await w.App.SendAsync(new LockVisitPlanCommand(w.Mission, true));
        (await w.App.SendAsync(new SendHostRequestsCommand(w.Mission))).Should().Be(2);
        var links = (await w.App.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "host-request").ToListAsync()))
            .ToDictionary(m => m.ToAddress, m => EmailLinks.TokenOf(m.TextBody, LinkKind.Host));
        links.Keys.Should().BeEquivalentTo("jane@cam.example", "bob@arm.example");

        var cavendish = await w.App.SendAsync(new GetHostPageQuery(links["jane@cam.example"]));
        cavendish.Visits.Select(v => v.Title).Should().Equal("Cleanroom tour", "Secure lab");
        var cleanroom = cavendish.Visits[0];
        cleanroom.Visitors.Should().HaveCount(4).And.OnlyContain(v => v.Id == null, "the cleanroom does not screen: no ID details");
        cleanroom.Groups.Select(g => g.Visitors).Should().Equal(2, 2);
        var secure = cavendish.Visits[1].Visitors.Should().ContainSingle().Subject;
        secure.Name.Should().Be("P7");
        secure.Id.Should().Be(new IdDetails("Dutch", "NXP71234", new DateOnly(1980, 5, 1)));
        var arm = await w.App.SendAsync(new GetHostPageQuery(links["bob@arm.example"]));
        arm.Visits.Should().ContainSingle().Which.Visitors.Select(v => v.Name).Should().NotContain("P7").And.HaveCount(2);
        var foreignVisit = () => w.App.SendAsync(new GetVisitorListQuery(links["bob@arm.example"], w.SecureLab));
        await foreignVisit.Should().ThrowAsync<NotFoundException>("a host sees only its own visits");
        var tampered = () => w.App.SendAsync(new GetHostPageQuery(links["bob@arm.example"][..^2] + "xx"));
        await tampered.Should().ThrowAsync<NotFoundException>();

        // The visitor list for the security desk, as CSV with the ID columns only where screened.
        var csv = Encoding.UTF8.GetString((await w.App.SendAsync(new GetVisitorListQuery(links["jane@cam.example"], w.SecureLab))).Csv());
        csv.Should().Contain("nationality,ID or passport number,date of birth").And.Contain("P7,Org P7,Researcher,Dutch,NXP71234,1980-05-01");
        var plainCsv = Encoding.UTF8.GetString((await w.App.SendAsync(new GetVisitorListQuery(links["bob@arm.example"], w.ArmVisit))).Csv());
        plainCsv.Should().NotContain("nationality").And.NotContain("NXP");

        // No answer yet after the reminder interval: both are reminded once, with a fresh link.
        w.App.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(1)));
        (await w.App.SendAsync(new SendHostRemindersCommand())).Should().Be(2);
        (await w.App.SendAsync(new SendHostRemindersCommand())).Should().Be(0, "the next reminder is three days away");
        var oldLink = () => w.App.SendAsync(new GetHostPageQuery(links["jane@cam.example"]));
        await oldLink.Should().ThrowAsync<NotFoundException>("the reminder's link replaces the first one");
        links = (await w.App.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "host-request" && m.Subject.StartsWith("Reminder")).ToListAsync()))
            .ToDictionary(m => m.ToAddress, m => EmailLinks.TokenOf(m.TextBody, LinkKind.Host));

        await w.App.SendAsync(new RespondToVisitCommand(links["bob@arm.example"], w.ArmVisit, HostResponse.Confirmed, null));
        var noReason = () => w.App.SendAsync(new RespondToVisitCommand(links["jane@cam.example"], w.Cleanroom, HostResponse.Declined, " "));
        (await noReason.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Message");

        // The cleanroom takes one per group after all: the last placed lose their place, everyone placed is told.
        await w.App.SendAsync(new RespondToVisitCommand(links["jane@cam.example"], w.Cleanroom, HostResponse.ChangeProposed, "Only one visitor at a time in the gowning room.", 1));
        (await PlacesAsync(w))[w.Cleanroom].Should().HaveCount(2);
        (await w.App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Template == "visit-update"))).Should().Be(4);
        var plan = await w.App.SendAsync(new GetVisitPlanQuery(w.Mission));
        plan.Locked.Should().BeFalse("a host's change reopens scheduling");
        plan.Visits.Single(v => v.Id == w.Cleanroom).HostResponse.Should().Be(HostResponse.ChangeProposed);
        var before = await PlacesAsync(w);
        await w.App.SendAsync(new RunVisitSchedulingCommand(w.Mission, w.Cleanroom));
        var after = await PlacesAsync(w);
        after[w.SecureLab].Should().Equal(before[w.SecureLab]);
        after[w.ArmVisit].Should().Contain(before[w.ArmVisit], "rescheduling one visit keeps everyone's places on the others")
            .And.HaveCount(4, "the two who lost their cleanroom place get their second choice");
        after[w.Cleanroom].Should().HaveCount(2);
        var hosts = await w.App.SendAsync(new ListHostsQuery(w.Mission));
        hosts.Single(h => h.Name == "ARM Ltd").Confirmed.Should().Be(1);
        hosts.Single(h => h.Name == "Cavendish Laboratory").Should().BeEquivalentTo(new { Pending = 1, ChangeProposed = 1, Reminders = 1 }, o => o.ExcludingMissingMembers());

        // A cancelled visit is gone from the host's link; with nothing left, the link is "not found".
        await w.App.SendAsync(new CancelVisitCommand(w.Mission, w.SecureLab));
        var cancelled = () => w.App.SendAsync(new GetVisitorListQuery(links["jane@cam.example"], w.SecureLab));
        await cancelled.Should().ThrowAsync<NotFoundException>();
        var respondCancelled = () => w.App.SendAsync(new RespondToVisitCommand(links["jane@cam.example"], w.SecureLab, HostResponse.Confirmed, null));
        await respondCancelled.Should().ThrowAsync<NotFoundException>();
        (await w.App.SendAsync(new GetHostPageQuery(links["jane@cam.example"]))).Visits.Should().ContainSingle();
        await w.App.SendAsync(new CancelVisitCommand(w.Mission, w.Cleanroom));
        var allCancelled = () => w.App.SendAsync(new GetHostPageQuery(links["jane@cam.example"]));
        await allCancelled.Should().ThrowAsync<NotFoundException>();
    }

    [Theory, AllDatabases]
    public async Task CancellingAPublishedVisit_TakesItOutOfItineraries_AndPrintsTheBookletAndItinerariesAgain(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        await w.App.SendAsync(new RunVisitSchedulingCommand(w.Mission));
        await w.App.SendAsync(new PublishVisitPlanCommand(w.Mission));
        foreach (var kind in new[] { DocumentKind.Booklet, DocumentKind.Itineraries })
        {
            await w.App.SendAsync(new RequestDocumentsCommand(kind) { MissionId = w.Mission });
        }

        // Printed before the cancellation.
        await w.App.QueryAsync(db => db.DocumentRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DocumentRunStatus.Done)));
        var secureLabPerson = (await PlacesAsync(w))[w.SecureLab][0];
        var group = await w.App.QueryAsync(db => db.ProgrammeItems.AsNoTracking().SingleAsync(p => p.VisitId == w.SecureLab));

        await w.App.SendAsync(new CancelVisitCommand(w.Mission, w.SecureLab));

        (await w.App.QueryAsync(db => db.ProgrammeItems.Where(p => p.Id == group.Id).Select(p => p.Version).SingleAsync()))
            .Should().Be(group.Version + 1, "an edit form opened before the cancellation must not save over it");

        (await w.App.SendAsync(new GetMyItineraryQuery(w.Tokens[secureLabPerson]))).Items
            .Should().Contain(i => i.Title == "Secure lab" && i.Cancelled, "a cancelled group stays visible as cancelled");
        var logged = await w.App.QueryAsync(db => db.ProgrammeChanges.AsNoTracking().Where(c => c.Description.StartsWith("Cancelled: 'Secure lab'")).ToListAsync());
        logged.SelectMany(c => c.AffectedIds).Should().Contain(w.Ids[secureLabPerson], "the people of the cancelled group are told with the next batch of changes");
        var again = await w.App.QueryAsync(db => db.DocumentRuns.AsNoTracking().Where(r => r.Status == DocumentRunStatus.Queued)
            .Select(r => new { r.Kind, r.Version, r.Reason }).ToListAsync());
        again.Should().BeEquivalentTo(
        [
            new { Kind = DocumentKind.Booklet, Version = 2, Reason = "the programme changed" },
            new { Kind = DocumentKind.Itineraries, Version = 2, Reason = "the programme changed" },
        ]);
    }

    [Theory, AllDatabases]
    public async Task BadInput_IsRefusedWithTheFieldNamed_AndNothingIsSaved(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.App;
        var venue = await w.App.QueryAsync(db => db.Venues.Select(v => v.Id).FirstAsync());
        var visits = await w.App.CountAsync<Visit>();

        async Task<string> Refused(Func<Task> act) => (await act.Should().ThrowAsync<Exception>()).Which switch
        {
            ValidationException v => string.Join(",", v.Errors.Select(e => e.PropertyName)),
            DomainException d => d.Field,
            var other => other.GetType().Name,
        };

        (await Refused(() => w.App.SendAsync(new CreateVisitCommand(w.Cavendish, venue, "Big lab", ProgrammeItemKind.LabTour, 60, 8, 6,
            [new VisitWindowInput(Tue(9), Tue(12))])
        { MissionId = w.Mission }))).Should().Be("MinGroupSize");
        (await Refused(() => w.App.SendAsync(new CreateVisitCommand(w.Cavendish, venue, "No times", ProgrammeItemKind.LabTour, 60, 1, 6, [])
        { MissionId = w.Mission }))).Should().Be("Windows");
        (await Refused(() => w.App.SendAsync(new CreateVisitCommand(w.Cavendish, venue, "Too late", ProgrammeItemKind.LabTour, 60, 1, 6,
            [new VisitWindowInput(Tue(9), Tue(10)), new VisitWindowInput(Start.AddDays(9).ToDateTime(new TimeOnly(9, 0)), Start.AddDays(9).ToDateTime(new TimeOnly(11, 0)))])
        { MissionId = w.Mission }))).Should().Be("Windows[1]");
        (await Refused(() => w.App.SendAsync(new CreateVisitCommand(w.Cavendish, venue, "Short", ProgrammeItemKind.LabTour, 90, 1, 6,
            [new VisitWindowInput(Tue(9), Tue(10))])
        { MissionId = w.Mission }))).Should().Be("Windows[0]");
        (await Refused(() => w.App.SendAsync(new CreateVisitCommand(Guid.NewGuid(), venue, "Nobody's", ProgrammeItemKind.LabTour, 60, 1, 6,
            [new VisitWindowInput(Tue(9), Tue(10))])
        { MissionId = w.Mission }))).Should().Be("HostId");
        (await w.App.CountAsync<Visit>()).Should().Be(visits);

        var before = await w.App.QueryAsync(db => db.VisitPreferences.CountAsync());
        (await Refused(() => w.App.SendAsync(new SetMyVisitPreferencesCommand(w.Tokens["P2"], [w.ArmVisit, Guid.NewGuid()])))).Should().Be("Ranked[1]");
        (await Refused(() => w.App.SendAsync(new SetMyVisitPreferencesCommand(w.Tokens["P2"], [w.ArmVisit, w.Cleanroom, w.ArmVisit])))).Should().Be("Ranked[2]");
        (await Refused(() => w.App.SendAsync(new SetMyVisitPreferencesCommand(w.Tokens["P2"][..^3] + "abc", [w.ArmVisit])))).Should().Be(nameof(NotFoundException));
        (await w.App.QueryAsync(db => db.VisitPreferences.CountAsync())).Should().Be(before, "nothing half-saved");
        (await w.App.QueryAsync(db => db.VisitPreferences.Where(p => p.RegistrationId == w.Ids["P2"]).OrderBy(p => p.Rank).Select(p => p.VisitId).ToListAsync()))
            .Should().Equal(w.Cleanroom, w.ArmVisit);

        await w.App.SendAsync(new SetVisitSettingsCommand(Start.AddDays(-10).ToDateTime(new TimeOnly(23, 0)), 1) { MissionId = w.Mission });
        w.App.Clock.Advance(Start.AddDays(-9).ToDateTime(TimeOnly.MinValue) - w.App.Clock.GetUtcNow().UtcDateTime);
        (await Refused(() => w.App.SendAsync(new SetMyVisitPreferencesCommand(w.Tokens["P2"], [w.ArmVisit])))).Should().Be("Ranked");
        (await w.App.SendAsync(new GetMyVisitChoicesQuery(w.Tokens["P2"]))).CanChange.Should().BeFalse();

        (await Refused(() => w.App.SendAsync(new PublishVisitPlanCommand(w.Mission)))).Should().Be("Assignments");
        (await Refused(() => w.App.SendAsync(new MoveVisitorCommand(w.Ids["P2"], null, "not-a-group") { MissionId = w.Mission }))).Should().Be("ToGroup");
        (await Refused(() => w.App.SendAsync(new SetVisitSettingsCommand(null, 0) { MissionId = w.Mission }))).Should().Be("VisitsPerParticipant");
    }

    [Fact]
    public async Task TheVisitorListPdf_HasTheVisitorsAndTheirIdDetails_ForTheScreenedVisitOnly()
    {
        var w = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = w.App;
        await w.App.SendAsync(new RunVisitSchedulingCommand(w.Mission));
        await w.App.SendAsync(new SendHostRequestsCommand(w.Mission, w.Cavendish));
        var token = Regex.Match(await w.App.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "host-request").Select(m => m.TextBody).SingleAsync()),
            @"/h/([A-Za-z0-9_\-]+)").Groups[1].Value;

        var screened = await DocumentTests.PdfText(await w.App.SendAsync(new GetVisitorListPdfQuery(token, w.SecureLab)));
        var plain = await DocumentTests.PdfText(await w.App.SendAsync(new GetVisitorListPdfQuery(token, w.Cleanroom)));

        screened.Should().Contain("Secure lab: visitors").And.Contain("P7").And.Contain("NXP71234").And.Contain("1 May 1980").And.Contain("Confidential");
        var cleanroomPeople = (await PlacesAsync(w))[w.Cleanroom];
        foreach (var name in cleanroomPeople)
        {
            plain.Should().Contain($"Org {name}");
        }

        plain.Should().NotContain("NXP").And.NotContain("Confidential").And.Contain("Tuesday 19 January, 10:00").And.Contain("Tuesday 19 January, 11:00");
        plain.IndexOf("10:00", StringComparison.Ordinal).Should().BeLessThan(plain.IndexOf("11:00", StringComparison.Ordinal));
    }
}
