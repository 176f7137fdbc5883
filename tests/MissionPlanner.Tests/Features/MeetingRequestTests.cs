using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Meetings;
using MissionPlanner.Features.Registrations;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

/// <summary>B2B meeting requests (issue 17, item 4a): asked from either side through a personal link, answered, withdrawn.</summary>
public sealed class MeetingRequestTests
{
    private static async Task<(Scenario Scenario, string Ann, string Sam, Guid AnnId, Guid SamId)> ArrangeAsync(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider, capacity: 1);
        var app = scenario.App;
        await scenario.InviteAsync(2);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, ConsentProcessing: true,
            ConsentListing: true, Bio: "Memristors."));
        var sam = await app.SendAsync(new AddCounterpartCommand("Sam Patel", "sam@rr.example", "Rolls-Royce", Sector.Industry) { MissionId = scenario.Mission });
        await app.SendAsync(new InviteCounterpartsCommand() { MissionId = scenario.Mission });
        var samToken = Token(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "counterpart-invitation").Select(m => m.TextBody).SingleAsync()), "m");
        await app.SendAsync(new UpdateMyCounterpartProfileCommand(samToken, "engines", null, null, null, Listed: true, []));
        return (scenario, scenario.RegistrationTokens["Person 0"], samToken, scenario.RegistrationIds["Person 0"], sam);
    }

    private static string Token(string body, string kind) => System.Text.RegularExpressions.Regex.Match(body, $@"/{kind}/([A-Za-z0-9_\-]+)").Groups[1].Value;

    [Theory, AllDatabases]
    public async Task ADelegateAsksACounterpart_WhoIsEmailedAndAccepts_AndTheDelegateIsTold(DatabaseProvider provider)
    {
        var (scenario, ann, sam, annId, samId) = await ArrangeAsync(provider);
        await using var _ = scenario;
        var app = scenario.App;

        var request = await app.SendAsync(new RequestMeetingCommand(ann, samId, "We build memristor chips."));

        var asked = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "meeting-request"));
        asked.Should().BeEquivalentTo(new { ToAddress = "sam@rr.example", Subject = "Person 0 (TU Delft) asks to meet you" });
        asked.TextBody.Should().Contain("We build memristor chips.");
        var samNow = Token(asked.TextBody, "m");
        (await app.SendAsync(new GetMyMeetingsQuery(samNow))).Requests.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Id = request, OtherName = "Person 0", Incoming = true, Status = MeetingRequestStatus.Pending });
        var twice = () => app.SendAsync(new RequestMeetingCommand(samNow, annId));
        (await twice.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("open with this person already", "one request per pair, whoever asks");
        var own = () => app.SendAsync(new AnswerMeetingRequestCommand(ann, request, true));
        await own.Should().ThrowAsync<DomainException>("the asker does not answer their own request");

        await app.SendAsync(new AnswerMeetingRequestCommand(samNow, request, Accept: true, Reply: "Gladly."));

        var answer = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Template == "meeting-answer"));
        answer.Should().BeEquivalentTo(new { ToAddress = "p0@example.org", Subject = "Sam Patel accepted your meeting request" });
        answer.TextBody.Should().Contain("Gladly.").And.Contain("/meetings");
        var summary = (await app.SendAsync(new ListMeetingRequestsQuery(scenario.Mission))).Single();
        summary.Should().BeEquivalentTo(new { DelegateName = "Person 0", CounterpartName = "Sam Patel", From = MeetingParty.Delegate, Status = MeetingRequestStatus.Accepted, Reply = "Gladly." });

        await app.SendAsync(new WithdrawMeetingRequestCommand(Token(answer.TextBody, "r"), request));
        await app.SendAsync(new RequestMeetingCommand(samNow, annId, "Shall we after all?"));
        (await app.SendAsync(new ListMeetingRequestsQuery(scenario.Mission))).Single().Should()
            .BeEquivalentTo(new { From = MeetingParty.Counterpart, Status = MeetingRequestStatus.Pending, Message = "Shall we after all?" }, "a withdrawn request is asked again");
    }

    [Theory, AllDatabases]
    public async Task OnlyListedPeople_CanBeAsked_AndOnlyConfirmedDelegatesAsk(DatabaseProvider provider)
    {
        var (scenario, ann, sam, annId, samId) = await ArrangeAsync(provider);
        await using var _ = scenario;
        var app = scenario.App;
        var waitlisted = scenario.RegistrationTokens["Person 1"]; // capacity 1: Person 1 waits
        var kim = await app.SendAsync(new AddCounterpartCommand("Kim Lee", "kim@ucl.example", "UCL", Sector.Academia) { MissionId = scenario.Mission });

        var unlisted = () => app.SendAsync(new RequestMeetingCommand(ann, kim));
        (await unlisted.Should().ThrowAsync<DomainException>()).Which.Field.Should().Be("WithId");
        var sameSide = () => app.SendAsync(new RequestMeetingCommand(ann, annId));
        await sameSide.Should().ThrowAsync<DomainException>("a delegate asks counterparts, not delegates");
        await FluentActions.Awaiting(() => app.SendAsync(new RequestMeetingCommand(waitlisted, samId))).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => app.SendAsync(new RequestMeetingCommand("guess", samId))).Should().ThrowAsync<NotFoundException>();
        (await app.QueryAsync(db => db.MeetingRequests.CountAsync())).Should().Be(0);
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Template == "meeting-request"))).Should().Be(0);
    }

    [Theory, AllDatabases]
    public async Task ADelegatesProfile_IsShownToCounterparts_OnlyWithTheirConsent(DatabaseProvider provider)
    {
        var scenario = await Scenario.MissionAsync(provider);
        await using var _ = scenario;
        var app = scenario.App;
        await scenario.InviteAsync(2);
        await scenario.RegisterAllAsync(name => new RegistrationDetails(name, name == "Person 0" ? "Innatera" : "TU Delft", Sector.Industry, DelegationRole.Member,
            ConsentProcessing: true, Bio: "Spiking chips.", ConsentListing: true)
        {
            MeetingTopics = "neuromorphic; edge AI",
            MeetingOffers = "Chips to test",
            MeetingSeeks = "Pilot customers",
            ShareProfile = name == "Person 0",
        });
        await app.SendAsync(new AddCounterpartCommand("Sam Patel", "sam@rr.example", "Rolls-Royce", Sector.Industry) { MissionId = scenario.Mission });
        await app.SendAsync(new InviteCounterpartsCommand() { MissionId = scenario.Mission });
        var sam = Token(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "counterpart-invitation").Select(m => m.TextBody).SingleAsync()), "m");

        var delegation = (await app.SendAsync(new GetCounterpartPageQuery(sam))).Delegation.Entries;

        delegation.Single(e => e.Name == "Person 0").Should().BeEquivalentTo(new
        {
            Topics = new[] { "neuromorphic", "edge AI" },
            Offers = "Chips to test",
            Seeks = "Pilot customers",
            Profile = "Spiking chips.",
        });
        delegation.Single(e => e.Name == "Person 1").Should().BeEquivalentTo(new { Organisation = "TU Delft", Topics = Array.Empty<string>(), Offers = (string?)null, Profile = (string?)null },
            "without consent a counterpart sees name and organisation only");
        (await app.SendAsync(new GetCounterpartPageQuery(sam, new DirectoryFilter(Topic: "Edge AI")))).Delegation.Entries.Select(e => e.Name).Should().Equal("Person 0");
        var tooMany = () => app.SendAsync(new UpdateMyRegistrationCommand(scenario.RegistrationTokens["Person 1"],
            new RegistrationDetails("Person 1", "TU Delft", Sector.Industry, DelegationRole.Member, true)
            {
                MeetingTopics = string.Join(";", Enumerable.Range(0, Counterpart.TopicsMax + 1).Select(i => $"t{i}")),
            }));
        (await tooMany.Should().ThrowAsync<FluentValidation.ValidationException>()).Which.Errors.Should().Contain(e => e.PropertyName.EndsWith("MeetingTopics"));
    }

    [Theory, AllDatabases]
    public async Task AnUnansweredRequest_IsRemindedEveryThreeDays_TwiceAtMost_AndNotOnceAnswered(DatabaseProvider provider)
    {
        var (scenario, ann, sam, annId, samId) = await ArrangeAsync(provider);
        await using var _ = scenario;
        var app = scenario.App;
        var open = await app.SendAsync(new RequestMeetingCommand(ann, samId, "About engines."));
        var kim = await app.SendAsync(new AddCounterpartCommand("Kim Lee", "kim@ucl.example", "UCL", Sector.Academia) { MissionId = scenario.Mission });
        await app.SendAsync(new InviteCounterpartsCommand([kim]) { MissionId = scenario.Mission });
        var kimToken = Token(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "kim@ucl.example").Select(m => m.TextBody).SingleAsync()), "m");
        await app.SendAsync(new UpdateMyCounterpartProfileCommand(kimToken, "AI", null, null, null, Listed: true, []));
        var answered = await app.SendAsync(new RequestMeetingCommand(ann, kim));
        await app.SendAsync(new AnswerMeetingRequestCommand(kimToken, answered, false));

        (await app.SendAsync(new SendMeetingRequestRemindersCommand())).Should().Be(0, "not yet three days");
        var sent = new List<int>();
        for (var day = 0; day < 12; day++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            sent.Add(await app.SendAsync(new SendMeetingRequestRemindersCommand()));
        }

        sent.Should().Equal([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0], "after 3 and 6 days, then no more");
        var reminders = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Template == "meeting-request" && m.Subject.StartsWith("Reminder")).ToListAsync());
        reminders.Should().HaveCount(2).And.OnlyContain(m => m.ToAddress == "sam@rr.example" && m.TextBody.Contains("About engines.") && m.TextBody.Contains("/m/"));
        (await app.SendAsync(new GetMyMeetingsQuery(Token(reminders[1].TextBody, "m")))).Requests.Should().ContainSingle(r => r.Id == open, "the reminder's link works");
    }
}
