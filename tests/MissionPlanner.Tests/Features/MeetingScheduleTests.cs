using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.CheckIn;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Meetings;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Features.Travel;
using MissionPlanner.Features.Venues;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>
/// B2B meeting sessions, the scheduler run on accepted requests, organisers' arrangements and moves,
/// lock and publish (issue 17, items 4–7), on both databases.
/// </summary>
public sealed class MeetingScheduleTests
{
    private sealed record World(Scenario Scenario, Guid Session, Guid Sam, Guid Kim, string SamToken, string KimToken, Guid P0, Guid P1, Guid P2)
    {
        public Slice App => Scenario.App;
        public Guid Mission => Scenario.Mission;
        public DateTime At(int hour, int minute) => Scenario.Start.ToDateTime(new TimeOnly(hour, minute));
    }

    /// <summary>
    /// P0 and P1 of TU Delft each asked Sam Patel (Rolls-Royce); P2 of Innatera asked Sam and Kim Lee.
    /// One B2B session 14:00–15:00 in the hall: three 20-minute slots, one table. P2 is on a lab tour
    /// until 14:10, 30 minutes from the hall, so is free for the 14:40 slot only.
    /// </summary>
    private static async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider);
        var (app, mission) = (scenario.App, scenario.Mission);
        await scenario.InviteAsync(3);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, name == "Person 2" ? "Innatera" : "TU Delft", Sector.Industry,
            DelegationRole.Member, ConsentProcessing: true, ConsentListing: true));
        var (p0, p1, p2) = (scenario.RegistrationIds["Person 0"], scenario.RegistrationIds["Person 1"], scenario.RegistrationIds["Person 2"]);
        var hall = await app.SendAsync(new CreateVenueCommand("Hall", "Strand 1", "London", VenueKind.ConferenceCentre, null, null) { MissionId = mission });
        var lab = await app.SendAsync(new CreateVenueCommand("Lab", "Gower Street", "London", VenueKind.Lab, null, null) { MissionId = mission });
        await app.SendAsync(new SetTravelTimeCommand(hall, lab, 30) { MissionId = mission });
        var day = scenario.Start;
        var tour = await app.SendAsync(new CreateProgrammeItemCommand("Lab tour", null, ProgrammeItemKind.LabTour,
            day.ToDateTime(new TimeOnly(13, 0)), day.ToDateTime(new TimeOnly(14, 10)), lab, null, true)
        { MissionId = mission });
        await app.SendAsync(new SetItemAudienceCommand(Audience.People, null, [p2]) { MissionId = mission, ItemId = tour });
        var session = await app.SendAsync(new CreateProgrammeItemCommand("Matchmaking", null, ProgrammeItemKind.B2BMeetings,
            day.ToDateTime(new TimeOnly(14, 0)), day.ToDateTime(new TimeOnly(15, 0)), hall, null, true)
        { MissionId = mission });

        var sam = await app.SendAsync(new AddCounterpartCommand("Sam Patel", "sam@rr.example", "Rolls-Royce", Sector.Industry) { MissionId = mission });
        var kim = await app.SendAsync(new AddCounterpartCommand("Kim Lee", "kim@ucl.example", "UCL", Sector.Academia) { MissionId = mission });
        await app.SendAsync(new InviteCounterpartsCommand() { MissionId = mission });
        var invitations = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "counterpart-invitation").ToListAsync());
        string TokenOf(string address) => Token(invitations.Single(m => m.ToAddress == address).TextBody, "m");
        var (samToken, kimToken) = (TokenOf("sam@rr.example"), TokenOf("kim@ucl.example"));
        foreach (var token in new[] { samToken, kimToken })
        {
            await app.SendAsync(new UpdateMyCounterpartProfileCommand(token, "engines", null, null, null, Listed: true, []));
        }

        foreach (var (person, counterpart, answerer) in new[] { ("Person 0", sam, samToken), ("Person 1", sam, samToken), ("Person 2", sam, samToken), ("Person 2", kim, kimToken) })
        {
            var request = await app.SendAsync(new RequestMeetingCommand(scenario.RegistrationTokens[person], counterpart));
            await app.SendAsync(new AnswerMeetingRequestCommand(answerer, request, Accept: true));
        }

        return new World(scenario, session, sam, kim, samToken, kimToken, p0, p1, p2);
    }

    private static string Token(string body, string kind) => System.Text.RegularExpressions.Regex.Match(body, $@"/{kind}/([A-Za-z0-9_\-]+)").Groups[1].Value;

    [Theory, AllDatabases]
    public async Task TheScheduler_PlacesAcceptedRequestsAroundEachProgramme_JoinsColleagues_AndExplainsWhatDidNotFit(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Scenario;
        var app = w.App;
        var tooLong = () => app.SendAsync(new ConfigureMeetingSessionCommand(w.Mission, w.Session, 90, 0, 1));
        (await tooLong.Should().ThrowAsync<DomainException>()).Which.Should().BeEquivalentTo(new { Field = "SlotMinutes" }, "a 90-minute slot does not fit a 60-minute session");
        var noSession = () => app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));
        (await noSession.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Sessions");

        var session = await app.SendAsync(new ConfigureMeetingSessionCommand(w.Mission, w.Session, 20, 0, 1));
        session.Slots.Should().Be(3);
        var run = await app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));

        run.Placed.Should().Be(2, "one table: P2 is free for the last slot only, so one of P2's two meetings cannot be placed");
        run.Unplaced.Should().ContainSingle().Which.People.Should().Contain("Person 2 (Innatera)");
        run.Warnings.Should().BeEmpty();
        var plan = await app.SendAsync(new GetMeetingPlanQuery(w.Mission));
        plan.Meetings.Should().HaveCount(2);
        plan.Meetings.Should().ContainSingle(m => m.DelegateIds.Count == 2, "P0 and P1 of TU Delft meet Sam together: one meeting for the three")
            .Which.Should().BeEquivalentTo(new { Counterpart = "Sam Patel", Delegates = new[] { "Person 0 (TU Delft)", "Person 1 (TU Delft)" } });
        var p2Meeting = plan.Meetings.Single(m => m.DelegateIds.Contains(w.P2));
        p2Meeting.StartsLocal.Should().Be(w.At(14, 40), "the lab tour ends at 14:10 and the hall is 30 minutes away");
        plan.Sessions.Single().Slots.Select(s => s.Tables.Single()).Should().OnlyContain(m => m == null || m.SessionId == w.Session);
        plan.Unplaced.Should().ContainSingle();

        var again = await app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));
        (await app.SendAsync(new GetMeetingPlanQuery(w.Mission))).Meetings.Select(m => m.Id).Should().BeEquivalentTo(plan.Meetings.Select(m => m.Id),
            "running again places the same people in the same meetings, which keep their identity");
        again.Placed.Should().Be(2);
    }

    [Theory, AllDatabases]
    public async Task The_scheduler_places_no_meeting_after_a_delegate_leaves_and_arranging_one_there_is_refused(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Scenario;
        var app = w.App;
        await app.SendAsync(new ConfigureMeetingSessionCommand(w.Mission, w.Session, 20, 0, 1));
        // P2 is free for the 14:40 slot only (the lab tour), and now takes the 14:30 train home: no meeting for P2.
        var station = await app.SendAsync(new AddTravelHubCommand("London St Pancras", null, MissionPlanner.Domain.Travel.HubKind.Station, "Europe/London")
        { MissionId = w.Mission });
        await app.SendAsync(new SetTravelLegCommand(MissionPlanner.Domain.Travel.LegMode.Train, "Eurostar", "9142", station, "Brussels-Midi", w.At(14, 30))
        { MissionId = w.Mission, RegistrationId = w.P2, Direction = MissionPlanner.Domain.Travel.LegDirection.Departure });

        var run = await app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));

        run.Placed.Should().Be(1, "only TU Delft's meeting with Sam");
        run.Unplaced.Should().HaveCount(2).And.OnlyContain(u => u.People.Contains("Person 2 (Innatera)"));
        var plan = await app.SendAsync(new GetMeetingPlanQuery(w.Mission));
        plan.Meetings.Should().NotContain(m => m.DelegateIds.Contains(w.P2));
        var late = () => app.SendAsync(new ArrangeMeetingCommand(w.Mission, w.Kim, [w.P2], new MeetingPlacement(w.Session, 3, null, null, null, null, null)));
        (await late.Should().ThrowAsync<DomainException>()).Which.Should().Match<DomainException>(e => e.Field == "Clash" && e.Message.Contains("Person 2 leaves")
            && e.Message.Contains("14:30"));
    }

    [Theory, AllDatabases]
    public async Task ArrangedMeetings_ThatClash_AreRefusedNamingTheClash_AndMovesWarn(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Scenario;
        var app = w.App;
        await app.SendAsync(new ConfigureMeetingSessionCommand(w.Mission, w.Session, 20, 0, 2));

        var clash = () => app.SendAsync(new ArrangeMeetingCommand(w.Mission, w.Kim, [w.P2], new MeetingPlacement(w.Session, 1, null, null, null, null, null)));
        (await clash.Should().ThrowAsync<DomainException>()).Which.Should().Match<DomainException>(e => e.Field == "Clash" && e.Message.Contains("'Lab tour'"));
        var outside = () => app.SendAsync(new ArrangeMeetingCommand(w.Mission, w.Kim, [w.P0],
            new MeetingPlacement(null, null, null, w.At(9, 0).AddDays(10), w.At(9, 30).AddDays(10), null, "Embassy library")));
        (await outside.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("StartsAt", "a meeting falls within the mission's days");
        var unknown = () => app.SendAsync(new ArrangeMeetingCommand(w.Mission, w.P0, [w.P1], new MeetingPlacement(w.Session, 1, null, null, null, null, null)));
        (await unknown.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("CounterpartId");
        (await app.QueryAsync(db => db.Meetings.CountAsync())).Should().Be(0, "nothing refused is saved");

        var arranged = await app.SendAsync(new ArrangeMeetingCommand(w.Mission, w.Kim, [w.P0],
            new MeetingPlacement(null, null, null, w.At(9, 0), w.At(9, 30), null, "Embassy library")));
        arranged.Where.Should().StartWith("Embassy library");
        // The head of delegation meets Sam at the embassy: P1, who asked for Sam with P0, meets Sam alone, not P0 a second time.
        var withSam = await app.SendAsync(new ArrangeMeetingCommand(w.Mission, w.Sam, [w.P0],
            new MeetingPlacement(null, null, null, w.At(10, 0), w.At(10, 30), null, "Embassy library")));
        await app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));
        var plan = await app.SendAsync(new GetMeetingPlanQuery(w.Mission));
        plan.Meetings.Should().Contain(m => m.Id == arranged.Id && m.Pinned && m.StartsLocal == w.At(9, 0), "the scheduler keeps an arranged meeting");
        plan.Meetings.Where(m => m.CounterpartId == w.Sam && m.DelegateIds.Contains(w.P0)).Should().ContainSingle().Which.Id.Should().Be(withSam.Id);
        plan.Meetings.Should().ContainSingle(m => m.CounterpartId == w.Sam && m.DelegateIds.SequenceEqual(new[] { w.P1 }));

        var p2 = plan.Meetings.First(m => m.DelegateIds.Contains(w.P2));
        var moveTo = new MeetingPlacement(w.Session, 1, 2, null, null, null, null);
        var preview = await app.SendAsync(new MoveMeetingCommand(p2.Id, moveTo) { MissionId = w.Mission, DryRun = true });
        preview.Should().ContainSingle(x => x.Contains("'Lab tour'"));
        (await app.SendAsync(new GetMeetingPlanQuery(w.Mission))).Meetings.Single(m => m.Id == p2.Id).Slot.Should().Be(p2.Slot, "a dry run saves nothing");
        var warnings = await app.SendAsync(new MoveMeetingCommand(p2.Id, moveTo) { MissionId = w.Mission });
        warnings.Should().ContainSingle(x => x.Contains("'Lab tour'"), "a move is made, and says what it breaks");
        (await app.SendAsync(new GetMeetingPlanQuery(w.Mission))).Warnings.Should().Contain(x => x.Contains("'Lab tour'"));
        var taken = (await app.SendAsync(new GetMeetingPlanQuery(w.Mission))).Meetings.First(m => m.Id != p2.Id && m.SessionId is not null);
        var onTop = () => app.SendAsync(new MoveMeetingCommand(taken.Id, new MeetingPlacement(w.Session, 1, 2, null, null, null, null)) { MissionId = w.Mission });
        (await onTop.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Table");

        await app.SendAsync(new LockMeetingPlanCommand(w.Mission, true));
        var locked = () => app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));
        (await locked.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("LockedAt");
    }

    [Theory, AllDatabases]
    public async Task Publishing_PutsMeetingsInItinerariesAndCalendars_AndRepublishingTellsOnlyThoseAffected(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Scenario;
        var app = w.App;
        await app.SendAsync(new ConfigureMeetingSessionCommand(w.Mission, w.Session, 20, 0, 1));
        await app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));

        var first = await app.SendAsync(new PublishMeetingPlanCommand(w.Mission));

        first.Should().BeEquivalentTo(new { Meetings = 2, Cancelled = 0 });
        var itinerary = await app.SendAsync(new GetMyItineraryQuery(w.Scenario.RegistrationTokens["Person 0"]));
        var meeting = itinerary.Items.Should().ContainSingle(i => i.Kind == ProgrammeItemKind.B2BMeeting).Which;
        meeting.Title.Should().Be("B2B meeting: Sam Patel (Rolls-Royce)");
        meeting.Description.Should().Contain("Table 1, Matchmaking").And.Contain("Together with Person 0 and Person 1");
        meeting.VenueName.Should().Be("Hall");
        (await app.SendAsync(new GetProgrammeWarningsQuery(w.Mission))).Should().BeEmpty(
            "people are at a B2B session only for their meetings: P2's lab tour overlapping the session, or a meeting inside it, is no double booking");
        var byHand = () => app.SendAsync(new CreateProgrammeItemCommand("A meeting", null, ProgrammeItemKind.B2BMeeting, w.At(9, 0), w.At(9, 30), null, null, true)
        { MissionId = w.Mission });
        (await byHand.Should().ThrowAsync<FluentValidation.ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Kind");
        var placed = await app.SendAsync(new GetMeetingPlanQuery(w.Mission));
        var emails = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "meeting-schedule").ToListAsync());
        emails.Select(m => m.ToAddress).Should().BeEquivalentTo(placed.Meetings.Select(m => m.Counterpart == "Sam Patel" ? "sam@rr.example" : "kim@ucl.example").Distinct(),
            "each counterpart with meetings is emailed their schedule");
        first.CounterpartsEmailed.Should().Be(emails.Count);
        emails.Single(m => m.ToAddress == "sam@rr.example").TextBody.Should().Contain("Person 0 (TU Delft) and Person 1 (TU Delft)").And.Contain("table 1 in 'Matchmaking'");
        // The calendar has a link of its own, so a calendar app never holds the page's link.
        var calendarUrl = (await app.SendAsync(new GetCounterpartPageQuery(w.SamToken))).CalendarUrl!;
        calendarUrl.Should().NotContain(w.SamToken);
        var calendar = await app.SendAsync(new GetCalendarFeedQuery(calendarUrl[(calendarUrl.LastIndexOf('/') + 1)..]));
        calendar.Should().Contain("SUMMARY:B2B meeting: Person 0 (TU Delft) and Person 1 (TU Delft)");
        (await app.SendAsync(new GetCounterpartPageQuery(w.SamToken))).Schedule.Should().HaveCount(placed.Meetings.Count(m => m.Counterpart == "Sam Patel"));

        // Move the joint meeting to another slot: only its people hear of it.
        var plan = await app.SendAsync(new GetMeetingPlanQuery(w.Mission));
        var joint = plan.Meetings.Single(m => m.DelegateIds.Count == 2);
        var free = plan.Sessions.Single().Slots.First(s => s.Tables[0] is null);
        await app.SendAsync(new MoveMeetingCommand(joint.Id, new MeetingPlacement(w.Session, free.Number, 1, null, null, null, null)) { MissionId = w.Mission });
        var changesBefore = await app.QueryAsync(db => db.ProgrammeChanges.Select(c => c.Id).ToListAsync());
        var second = await app.SendAsync(new PublishMeetingPlanCommand(w.Mission));

        second.CounterpartsEmailed.Should().Be(1, "only Sam's meetings changed");
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Template == "meeting-schedule" && m.ToAddress == "sam@rr.example"))).Should().Be(2);
        var newChanges = await app.QueryAsync(db => db.ProgrammeChanges.Where(c => !changesBefore.Contains(c.Id)).ToListAsync());
        newChanges.Should().ContainSingle().Which.Affected.Should().Contain(w.P0.ToString("N")).And.Contain(w.P1.ToString("N")).And.NotContain(w.P2.ToString("N"));
        (await app.SendAsync(new GetMyItineraryQuery(w.Scenario.RegistrationTokens["Person 0"]))).Items.Single(i => i.Kind == ProgrammeItemKind.B2BMeeting)
            .StartsLocal.Should().Be(free.StartsLocal);

        // Moving the session an hour later moves its meetings with it, and republishing tells their people.
        var version = await app.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == w.Session).Select(i => i.Version).SingleAsync());
        await app.SendAsync(new UpdateProgrammeItemCommand("Matchmaking", null, ProgrammeItemKind.B2BMeetings, w.At(15, 0), w.At(16, 0), null, null, true, version)
        { MissionId = w.Mission, ItemId = w.Session });
        (await app.SendAsync(new GetMeetingPlanQuery(w.Mission))).Meetings.Single(m => m.Id == joint.Id).StartsLocal.Should().Be(free.StartsLocal.AddHours(1));
        await app.SendAsync(new PublishMeetingPlanCommand(w.Mission));
        (await app.SendAsync(new GetMyItineraryQuery(w.Scenario.RegistrationTokens["Person 0"]))).Items.Single(i => i.Kind == ProgrammeItemKind.B2BMeeting)
            .StartsLocal.Should().Be(free.StartsLocal.AddHours(1));

        // Taking a meeting out cancels it in the itinerary.
        await app.SendAsync(new RemoveMeetingCommand(w.Mission, joint.Id));
        (await app.SendAsync(new PublishMeetingPlanCommand(w.Mission))).Cancelled.Should().Be(1);
        (await app.SendAsync(new GetMyItineraryQuery(w.Scenario.RegistrationTokens["Person 0"]))).Items.Single(i => i.Kind == ProgrammeItemKind.B2BMeeting)
            .Cancelled.Should().BeTrue();

        // A published meeting is not deleted by hand; deleting the session (before it) takes its meetings and their items with it.
        var kimsItem = await app.QueryAsync(db => db.Meetings.Where(m => m.CounterpartId == w.Kim).Select(m => m.ProgrammeItemId!.Value).FirstAsync());
        var byHandDelete = () => app.SendAsync(new DeleteProgrammeItemCommand(w.Mission, kimsItem));
        (await byHandDelete.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("ItemId");
        await app.SendAsync(new DeleteProgrammeItemCommand(w.Mission, w.Session));
        (await app.QueryAsync(db => db.Meetings.CountAsync())).Should().Be(0);
        (await app.QueryAsync(db => db.ProgrammeItems.CountAsync(i => i.Kind == ProgrammeItemKind.B2BMeeting && !i.Cancelled)))
            .Should().Be(0, "no meeting is left in anyone's itinerary");
    }

    [Theory, AllDatabases]
    public async Task ThePreferenceRound_SchedulesMutualInterest_UntilItsDeadline_AndIsNotReopenedUnderALockedSchedule(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Scenario;
        var app = w.App;
        var tokens = w.Scenario.RegistrationTokens;
        await app.SendAsync(new SetMeetingModesCommand(w.Mission, Requests: false, PreferenceRound: true, PreferencesDeadlineLocal: w.At(9, 0).AddDays(-2)));
        var ask = () => app.SendAsync(new RequestMeetingCommand(tokens["Person 0"], w.Kim));
        (await ask.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Requests", "this mission uses the preference round only");

        await app.SendAsync(new SetMyMeetingPreferenceCommand(tokens["Person 0"], w.Kim, MeetingInterest.MustMeet));
        await app.SendAsync(new SetMyMeetingPreferenceCommand(w.KimToken, w.P0, MeetingInterest.WouldLike));
        await app.SendAsync(new SetMyMeetingPreferenceCommand(tokens["Person 1"], w.Kim, MeetingInterest.WouldLike));
        await app.SendAsync(new SetMyMeetingPreferenceCommand(w.KimToken, w.P1, MeetingInterest.MustMeet));
        await app.SendAsync(new SetMyMeetingPreferenceCommand(w.KimToken, w.P1, MeetingInterest.NoThanks));
        (await app.SendAsync(new GetMyMeetingsQuery(w.KimToken))).Should().BeEquivalentTo(new { PreferencesOpen = true, RequestsOpen = false });
        (await app.SendAsync(new GetMyMeetingsQuery(w.KimToken))).Interests.Should().BeEquivalentTo(new Dictionary<Guid, MeetingInterest>
        {
            [w.P0] = MeetingInterest.WouldLike,
            [w.P1] = MeetingInterest.NoThanks,
        }, "a mark changed is one mark");
        (await app.SendAsync(new GetMeetingPlanQuery(w.Mission))).Should().BeEquivalentTo(new { Marks = 4, MutualPairs = 1 });

        await app.SendAsync(new ConfigureMeetingSessionCommand(w.Mission, w.Session, 20, 0, 3));
        await app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));
        var plan = await app.SendAsync(new GetMeetingPlanQuery(w.Mission));
        plan.Meetings.Should().ContainSingle(m => m.CounterpartId == w.Kim && m.DelegateIds.Contains(w.P0))
            .Which.MustMeet.Should().BeTrue("P0 must meet Kim, who would like to: mutual, and a must-meet");
        plan.Meetings.Should().NotContain(m => m.CounterpartId == w.Kim && m.DelegateIds.Contains(w.P1), "Kim said no, thanks");

        w.Scenario.App.Clock.Advance(TimeSpan.FromDays(40));
        var late = () => app.SendAsync(new SetMyMeetingPreferenceCommand(tokens["Person 2"], w.Sam, MeetingInterest.MustMeet));
        (await late.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("PreferencesDeadline");
        await app.SendAsync(new PublishMeetingPlanCommand(w.Mission));
        await app.SendAsync(new LockMeetingPlanCommand(w.Mission, true));
        var reopen = () => app.SendAsync(new SetMeetingModesCommand(w.Mission, false, true, null));
        (await reopen.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("PreferenceRound", "unlock first");
        await app.SendAsync(new LockMeetingPlanCommand(w.Mission, false));
        await app.SendAsync(new SetMeetingModesCommand(w.Mission, false, true, null));
        await app.SendAsync(new SetMyMeetingPreferenceCommand(tokens["Person 2"], w.Sam, MeetingInterest.MustMeet));
    }

    [Theory, AllDatabases]
    public async Task HeldMeetings_AreAskedWhatCameOfThem_RightAfterAndMonthsLater_AndNoShowsAreNot(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Scenario;
        var app = w.App;
        await app.SendAsync(new ConfigureMeetingSessionCommand(w.Mission, w.Session, 20, 0, 1));
        await app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));
        await app.SendAsync(new PublishMeetingPlanCommand(w.Mission));
        var plan = await app.SendAsync(new GetMeetingPlanQuery(w.Mission));
        var single = plan.Meetings.Single(m => m.DelegateIds.Count == 1);
        await app.SendAsync(new MarkMeetingNoShowCommand(w.Mission, single.Id, MeetingParty.Counterpart));
        // A meeting is checked in like any programme item: a delegate's badge scanned at its item.
        var joint = plan.Meetings.Single(m => m.DelegateIds.Count == 2);
        var jointItem = await app.QueryAsync(db => db.Meetings.Where(m => m.Id == joint.Id).Select(m => m.ProgrammeItemId!.Value).SingleAsync());
        var badge = app.Services.GetRequiredService<CheckInLinks>().Url(w.P0).Split("/k/")[1];
        (await app.SendAsync(new CheckInCommand(w.Mission, jointItem, badge))).Should().BeEquivalentTo(new { Name = "Person 0", AlreadyPresent = false });
        (await app.SendAsync(new GetMeetingPlanQuery(w.Mission))).Meetings.Single(m => m.Id == joint.Id).CheckedIn.Should().Equal("Person 0");
        (await app.SendAsync(new AskMeetingOutcomesCommand())).Should().Be(0, "no meeting has taken place yet");

        app.Clock.Advance(TimeSpan.FromDays(32));
        (await app.SendAsync(new AskMeetingOutcomesCommand())).Should().Be(3, "both delegates of the joint meeting and Sam; the no-show is not asked");
        (await app.SendAsync(new AskMeetingOutcomesCommand())).Should().Be(0, "asked once");
        var asked = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "meeting-outcome").ToListAsync());
        asked.Select(m => m.ToAddress).Should().BeEquivalentTo(["p0@example.org", "p1@example.org", "sam@rr.example"]);
        var p0Link = Token(asked.Single(m => m.ToAddress == "p0@example.org").TextBody, "r");
        var mine = (await app.SendAsync(new GetMyMeetingsQuery(p0Link))).Outcomes.Should().ContainSingle().Which;
        mine.With.Should().Be("Sam Patel (Rolls-Royce)");
        await app.SendAsync(new RecordMeetingOutcomeCommand(p0Link, mine.Id, MeetingResult.AgreementInPreparation, "Draft MoU by March."));
        var samOutcome = (await app.SendAsync(new GetMyMeetingsQuery(w.SamToken))).Outcomes.Single();
        samOutcome.With.Should().Be("Person 0 (TU Delft) and Person 1 (TU Delft)");
        var others = () => app.SendAsync(new RecordMeetingOutcomeCommand(w.Scenario.RegistrationTokens["Person 2"], samOutcome.Id, MeetingResult.AgreementReached));
        await others.Should().ThrowAsync<NotFoundException>("one answers only for oneself");

        // A held meeting is history: not moved, removed or dropped by a new run, nor its session deleted.
        var remove = () => app.SendAsync(new RemoveMeetingCommand(w.Mission, single.Id));
        (await remove.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Meeting");
        var move = () => app.SendAsync(new MoveMeetingCommand(single.Id, new MeetingPlacement(w.Session, 1, 1, null, null, null, null)) { MissionId = w.Mission });
        (await move.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("Meeting");
        var p2Request = await app.QueryAsync(db => db.MeetingRequests.Where(r => r.DelegateId == w.P2 && r.CounterpartId == single.CounterpartId).Select(r => r.Id).SingleAsync());
        await app.SendAsync(new WithdrawMeetingRequestCommand(w.Scenario.RegistrationTokens["Person 2"], p2Request));
        await app.SendAsync(new RunMeetingSchedulingCommand(w.Mission));
        (await app.SendAsync(new GetMeetingPlanQuery(w.Mission))).Meetings.Select(m => m.Id).Should().BeEquivalentTo(plan.Meetings.Select(m => m.Id),
            "a run after the mission keeps the meetings held, even one whose request was withdrawn since, and places nothing in the past");
        var deleteSession = () => app.SendAsync(new DeleteProgrammeItemCommand(w.Mission, w.Session));
        (await deleteSession.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("ItemId");

        app.Clock.Advance(TimeSpan.FromDays(7));
        (await app.SendAsync(new AskMeetingOutcomesCommand())).Should().Be(2, "P1 and Sam have not answered: reminded once");
        app.Clock.Advance(TimeSpan.FromDays(7));
        (await app.SendAsync(new AskMeetingOutcomesCommand())).Should().Be(0, "one reminder only");
        app.Clock.Advance(TimeSpan.FromDays(170));
        (await app.SendAsync(new AskMeetingOutcomesCommand())).Should().Be(3, "six months on, everyone is asked again");
        var sixMonths = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "meeting-outcome" && m.Subject.StartsWith("Six months on")).ToListAsync());
        sixMonths.Should().HaveCount(3);

        // 216 days after the meeting, past the 90 days a personal link usually lasts: the question's own link still opens.
        var old = () => app.SendAsync(new GetMyMeetingsQuery(p0Link));
        await old.Should().ThrowAsync<NotFoundException>("the first link expired 90 days after the mission");
        var followUpLink = Token(sixMonths.Single(m => m.ToAddress == "p0@example.org").TextBody, "r");
        var again = (await app.SendAsync(new GetMyMeetingsQuery(followUpLink))).Outcomes.Single(o => o.Round == 2);
        await app.SendAsync(new RecordMeetingOutcomeCommand(followUpLink, again.Id, MeetingResult.AgreementReached, "MoU signed."));
        app.Clock.Advance(TimeSpan.FromDays(31));
        var expired = () => app.SendAsync(new GetMyMeetingsQuery(followUpLink));
        await expired.Should().ThrowAsync<NotFoundException>("it works for Meetings:OutcomeAnswerWindow (30 days), not for ever");

        var outcomes = await app.SendAsync(new GetMeetingOutcomesQuery(w.Mission));
        outcomes.Should().BeEquivalentTo(new { Held = 1, NoShows = 1, Asked = 6, Answered = 2 });
        outcomes.Totals[1][MeetingResult.AgreementInPreparation].Should().Be(1);
        outcomes.Totals[2][MeetingResult.AgreementReached].Should().Be(1);
        System.Text.Encoding.UTF8.GetString(outcomes.Csv()).Should().Contain("AgreementInPreparation,Draft MoU by March.").And.Contain("meeting,start_utc,delegates,counterpart,round");
    }
}
