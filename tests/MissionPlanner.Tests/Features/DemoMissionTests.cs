using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Features.Demo;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Programme;
using MissionPlanner.Features.Venues;
using MissionPlanner.Features.Visits;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Tests.Features;

public sealed class DemoMissionTests
{
    [Theory, AllDatabases]
    public async Task Seed_CreatesTheFourDayNeuromorphicMission_Once(DatabaseProvider provider)
    {
        await using var app = await Slice.CreateAsync(provider);

        var id = await app.SendAsync(new SeedDemoMissionCommand());
        var again = await app.SendAsync(new SeedDemoMissionCommand());

        again.Should().BeNull();
        var mission = await app.SendAsync(new GetMissionQuery(id!.Value));
        mission.Title.Should().Be("Innovation Mission to the UK: Neuromorphic Computing");
        mission.TimeZoneId.Should().Be("Europe/London");
        mission.Days.Should().HaveCount(4);
        mission.StartDate.DayOfWeek.Should().Be(DayOfWeek.Monday);
        mission.Status.Should().Be(MissionStatus.Open);

        var items = await app.SendAsync(new ListProgrammeItemsQuery(id.Value));
        var byDay = items.GroupBy(i => DateOnly.FromDateTime(i.StartsAt.DateTime)).ToDictionary(g => g.Key, g => g.ToList());
        byDay.Keys.Should().BeEquivalentTo(mission.Days);
        byDay[mission.StartDate].Should().Contain(i => i.Kind == ProgrammeItemKind.SigningCeremony && i.Title.Contains("OPT/NET"))
            .And.Contain(i => i.Kind == ProgrammeItemKind.Panel && i.Title.Contains("photonics"))
            .And.OnlyContain(i => i.VenueName == "Embassy of the Kingdom of the Netherlands");
        var visits = await app.SendAsync(new ListVisitsQuery(id.Value));
        visits.Where(v => v.Kind == ProgrammeItemKind.LabTour).Select(v => v.Title)
            .Should().Contain(t => t.Contains("cleanroom")).And.Contain(t => t.Contains("deposition")).And.Contain(t => t.Contains("measurement"));
        visits.Should().Contain(v => v.Kind == ProgrammeItemKind.CompanyVisit && v.Title.Contains("Paragraf"))
            .And.Contain(v => v.Kind == ProgrammeItemKind.CompanyVisit && v.Title.Contains("NanoPrint"))
            .And.OnlyContain(v => v.Ranked == 40 && v.Windows.Count == 2, "every delegate ranked every visit, each offered on days 2 and 3");
        items.Should().Contain(i => i.Title.Contains("Cambridge Enterprise"))
            .And.Contain(i => i.Kind == ProgrammeItemKind.TravelLeg && i.Title.Contains("Cambridge"));
        byDay[mission.EndDate].Should().Contain(i => i.Kind == ProgrammeItemKind.StrategicSession);
        var survey = (await app.SendAsync(new MissionPlanner.Features.Surveys.ListSurveysQuery(id!.Value))).Should().ContainSingle().Subject;
        survey.Should().BeEquivalentTo(new { Status = MissionPlanner.Domain.Surveys.SurveyStatus.Scheduled, Anonymous = true, About = "the whole mission" }, o => o.ExcludingMissingMembers());
        survey.SendsAt.Should().Be(items.Max(i => i.EndsAt).UtcDateTime, "it goes out when the strategic session, the last item, ends");
        items.Should().OnlyContain(i => i.StartsAt.TimeOfDay >= TimeSpan.FromHours(8) && i.EndsAt.TimeOfDay <= TimeSpan.FromHours(22),
            "a realistic day in London time");

        // The lab tours that run side by side are marked parallel; plenary items never overlap.
        var plenary = items.Where(i => !i.AllowsParallel).OrderBy(i => i.StartsAt).ToList();
        plenary.Zip(plenary.Skip(1)).Should().OnlyContain(p => p.First.EndsAt <= p.Second.StartsAt);

        var venues = await app.SendAsync(new ListVenuesQuery(id.Value));
        venues.Select(v => v.City).Distinct().Should().Contain(["London", "Cambridge"]);
        (await app.QueryAsync(db => db.Organisations.Where(o => o.MissionId == id).Select(o => o.Sector).Distinct().CountAsync()))
            .Should().BeGreaterThanOrEqualTo(4, "the delegation spans academia, industry, start-ups and government");
        var delegation = await app.SendAsync(new MissionPlanner.Features.Registrations.GetDelegationQuery(id.Value));
        delegation.Confirmed.Should().Be(40);
        delegation.ConfirmedBySector.Keys.Should().Contain([Sector.Academia, Sector.Industry, Sector.StartUp, Sector.Government]);
        delegation.People[0].Role.Should().Be(MissionPlanner.Domain.Registrations.DelegationRole.HeadOfDelegation);

        // Making the groups: two visits each (a lab, a company), no one double-booked or late, and
        // the cleanroom's small groups are the only reason anyone misses a top choice.
        var run = await app.SendAsync(new RunVisitSchedulingCommand(id.Value));
        run.Placed.Should().Be(80);
        run.Warnings.Should().BeEmpty();
        var plan = await app.SendAsync(new GetVisitPlanQuery(id.Value));
        plan.People.Should().OnlyContain(p => p.Places.Count == 2);
        plan.People.Count(p => p.Places.Any(x => x.Title.StartsWith("Lab tour"))).Should().BeGreaterThanOrEqualTo(38, "nearly everyone sees a lab");
        plan.People.Count(p => !p.GotTopChoice).Should().Be(run.WithoutTopChoice).And.BeLessThanOrEqualTo(2);
        await app.SendAsync(new PublishVisitPlanCommand(id.Value));
        (await app.SendAsync(new GetProgrammeWarningsQuery(id.Value))).Should().BeEmpty("the published visits fit everyone's programme");

        var ceremony = await app.SendAsync(new MissionPlanner.Features.Ceremonies.GetCeremonyQuery(id.Value,
            (await app.SendAsync(new MissionPlanner.Features.Ceremonies.ListCeremoniesQuery(id.Value))).Single().Id));
        ceremony.SigningOrder.Select(p => p.Name).Should().Equal("Luuk van der Meer", "Fleur Kok");
        ceremony.SpeakingOrder.Select(p => p.Name).Should().Equal("Luuk van der Meer", "Marieke van Dalen", "Ambassador of the Kingdom of the Netherlands (demo)");
        ceremony.RunOfShow[^1].EndsLocal.Should().BeOnOrBefore(ceremony.EndsLocal, "the demo's run of show fits its half hour");
        ceremony.Warnings.Should().BeEmpty();
    }
}
