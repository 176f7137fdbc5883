namespace MissionPlanner.Scheduling.Tests;

public sealed class VisitSolverTests
{
    private static readonly DateTime Day = new(2027, 1, 20, 0, 0, 0, DateTimeKind.Utc);

    private static Slot At(int from, int to, string venue = "lab") => new(Day.AddHours(from), Day.AddHours(to), venue);

    private static Visit V(string id, params VisitGroup[] groups) => new(id, id, groups, new HashSet<string>());

    private static VisitGroup G(string id, int from, int to, int max, int min = 0, string venue = "lab") => new(id, At(from, to, venue), min, max);

    private static Participant P(string id, params string[] preferences) => new(id, preferences, new HashSet<string>(), [], []);

    private static int NoTravel(string a, string b) => 0;

    [Fact]
    public void FairnessComesFirst_TheOnlyPersonWhoCannotGoElsewhereGetsTheContestedPlace()
    {
        // Ann could have her first choice, but then Bob would get none of his; Ann's second choice is still a top choice.
        var problem = new SchedulingProblem([V("X", G("x1", 10, 12, 1)), V("Y", G("y1", 10, 12, 1))],
            [P("ann", "X", "Y"), P("bob", "X")], NoTravel, TopChoices: 2);

        var schedule = VisitSolver.Solve(problem);

        schedule.Members["x1"].Should().Equal("bob");
        schedule.Members["y1"].Should().Equal("ann");
        schedule.Score.Should().Be(new Score(0, 3));
        schedule.Placements.Single(p => p.ParticipantId == "ann").Unmet.Should().Equal(new Explanation("X", 1, Reason.Full));
    }

    [Fact]
    public void AClashWithTheirProgramme_OrTooLittleTravelTime_KeepsSomeoneOutOfAGroup_AndSaysSo()
    {
        var busy = new Participant("cem", ["X", "Y"], new HashSet<string>(), [At(9, 11, "embassy")], []);
        var problem = new SchedulingProblem([V("X", G("x1", 11, 13, 5, venue: "lab")), V("Y", G("y1", 14, 15, 5, venue: "lab"))], [busy],
            (a, b) => a == b ? 0 : 45);

        var schedule = VisitSolver.Solve(problem);

        schedule.Placements.Single().Groups.Should().Equal("y1");
        schedule.Placements.Single().Unmet.Should().Equal(new[] { new Explanation("X", 1, Reason.Clash) }, "the lab starts when the embassy meeting ends, 45 minutes away");
    }

    [Fact]
    public void RequirementsArePreconditions_AndPinnedPlacementsStay()
    {
        var secure = new Visit("S", "Secure lab", [G("s1", 10, 12, 2)], new HashSet<string> { "id-screening" });
        var problem = new SchedulingProblem([secure, V("O", G("o1", 10, 12, 2))],
            [P("ann", "S", "O"), new Participant("bob", ["S"], new HashSet<string> { "id-screening" }, [], []), new Participant("dan", ["S", "O"], new HashSet<string>(), [], ["o1"])],
            NoTravel);

        var schedule = VisitSolver.Solve(problem);

        schedule.Members["s1"].Should().Equal("bob");
        schedule.Members["o1"].Should().BeEquivalentTo(["ann", "dan"]);
        schedule.Placements.Single(p => p.ParticipantId == "ann").Unmet.Should().Equal(new Explanation("S", 1, Reason.Requirement));
    }

    [Fact]
    public void AGroupBelowItsMinimumDoesNotRun_AndItsPeopleGoToTheirNextChoice()
    {
        var problem = new SchedulingProblem([V("X", G("x1", 10, 12, 6, min: 3)), V("Y", G("y1", 10, 12, 6))],
            [P("ann", "X", "Y"), P("bob", "X", "Y"), P("cem", "Y")], NoTravel, TopChoices: 1);

        var schedule = VisitSolver.Solve(problem);

        schedule.Members["x1"].Should().BeEmpty("two people cannot make a group of at least three");
        schedule.Members["y1"].Should().BeEquivalentTo(["ann", "bob", "cem"]);
        schedule.Placements.Single(p => p.ParticipantId == "ann").Unmet.Should().Equal(new Explanation("X", 1, Reason.TooFewForAGroup));
    }

    [Theory]
    [InlineData("min > max")]
    [InlineData("no windows")]
    [InlineData("unknown visit")]
    [InlineData("pins over capacity")]
    public void BadInputIsAClearError(string what)
    {
        var problem = what switch
        {
            "min > max" => new SchedulingProblem([V("X", G("x1", 10, 12, 2, min: 5))], [], NoTravel),
            "no windows" => new SchedulingProblem([V("X")], [], NoTravel),
            "unknown visit" => new SchedulingProblem([V("X", G("x1", 10, 12, 2))], [P("ann", "Nope")], NoTravel),
            _ => new SchedulingProblem([V("X", G("x1", 10, 12, 1))],
                [new Participant("a", [], new HashSet<string>(), [], ["x1"]), new Participant("b", [], new HashSet<string>(), [], ["x1"])], NoTravel),
        };

        var act = () => VisitSolver.Solve(problem);

        act.Should().Throw<SchedulingException>().Which.Message.Should().MatchRegex(what switch
        {
            "min > max" => "minimum \\(5\\) must be between 0 and the maximum \\(2\\)",
            "no windows" => "has no time windows",
            "unknown visit" => "ranks a visit that does not exist \\('Nope'\\)",
            _ => "2 people are pinned to group 'x1', which takes 1",
        });
    }

    [Fact]
    public void OnManyRandomSmallProblems_NoConstraintIsEverBroken_TheResultIsDeterministic_AndUsuallyOptimal()
    {
        var optimal = 0;
        var misses = new List<string>();
        const int seeds = 300;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var problem = Random(seed, people: 5, visits: 3, groupsPerVisit: 2);
            var schedule = VisitSolver.Solve(problem);
            AssertValid(problem, schedule, seed);
            VisitSolver.Solve(problem).Should().BeEquivalentTo(schedule, $"seed {seed}: the same problem gives the same schedule");
            var best = BruteForce(problem);
            best.BetterThan(schedule.Score).Should().Be(best != schedule.Score, $"seed {seed}: the exhaustive search is never worse");
            schedule.Score.BetterThan(best).Should().BeFalse($"seed {seed}: nothing beats the true optimum");
            optimal += schedule.Score == best ? 1 : 0;
            if (schedule.Score != best)
            {
                misses.Add($"seed {seed}: {schedule.Score} vs {best}");
            }
        }

        optimal.Should().BeGreaterThanOrEqualTo(seeds * 95 / 100, $"the solver finds the true optimum on at least 95% of small problems; missed {string.Join("; ", misses)}");
    }

    [Fact]
    public void OnLargerRandomProblems_NoConstraintIsEverBroken()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            var problem = Random(seed, people: 60, visits: 8, groupsPerVisit: 3, perPerson: seed % 2 + 1);
            AssertValid(problem, VisitSolver.Solve(problem), seed);
        }
    }

    internal static SchedulingProblem Random(int seed, int people, int visits, int groupsPerVisit, int perPerson = 1)
    {
        var random = new Random(seed);
        var venues = new[] { "lab", "fab", "campus" };
        var visitList = Enumerable.Range(0, visits).Select(v => new Visit($"v{v}", $"Visit {v}",
            Enumerable.Range(0, groupsPerVisit).Select(g =>
            {
                var from = 9 + random.Next(0, 8);
                var max = random.Next(1, 4);
                return new VisitGroup($"v{v}g{g}", new Slot(Day.AddHours(from), Day.AddHours(from + random.Next(1, 3)), venues[random.Next(venues.Length)]),
                    random.Next(0, 3) == 0 ? Math.Min(2, max) : 0, max);
            }).ToList(),
            random.Next(0, 4) == 0 ? new HashSet<string> { "id-screening" } : new HashSet<string>())).ToList();
        var participants = Enumerable.Range(0, people).Select(p => new Participant($"p{p:D3}",
            visitList.Select(v => v.Id).OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(visits, 3) + 1)).ToList(),
            random.Next(0, 2) == 0 ? new HashSet<string> { "id-screening" } : new HashSet<string>(),
            random.Next(0, 3) == 0 ? [new Slot(Day.AddHours(12), Day.AddHours(13), venues[random.Next(venues.Length)])] : [],
            [])).ToList();
        return new SchedulingProblem(visitList, participants, (a, b) => a == b ? 0 : 20, perPerson);
    }

    /// <summary>Every rule the solver promises, checked from the outside.</summary>
    internal static void AssertValid(SchedulingProblem problem, Schedule schedule, int seed)
    {
        var groups = problem.Visits.SelectMany(v => v.Groups.Select(g => (Group: g, Visit: v))).ToDictionary(x => x.Group.Id);
        foreach (var (id, members) in schedule.Members)
        {
            members.Count.Should().BeLessThanOrEqualTo(groups[id].Group.MaxSize, $"seed {seed}: group {id} within capacity");
            (members.Count == 0 || members.Count >= groups[id].Group.MinSize).Should().BeTrue($"seed {seed}: group {id} runs only with its minimum");
        }

        foreach (var person in problem.Participants)
        {
            var mine = schedule.Members.Where(m => m.Value.Contains(person.Id)).Select(m => groups[m.Key]).ToList();
            mine.Count.Should().BeLessThanOrEqualTo(problem.VisitsPerParticipant, $"seed {seed}");
            mine.Select(m => m.Visit.Id).Should().OnlyHaveUniqueItems($"seed {seed}: one group per visit");
            mine.All(m => person.Preferences.Contains(m.Visit.Id)).Should().BeTrue($"seed {seed}: only visits they ranked");
            mine.All(m => m.Visit.Requirements.All(person.Satisfies.Contains)).Should().BeTrue($"seed {seed}: requirements are met");
            var slots = mine.Select(m => m.Group.Slot).Concat(person.Busy).ToList();
            for (var a = 0; a < slots.Count; a++)
            {
                for (var b = a + 1; b < slots.Count; b++)
                {
                    var gap = slots[a].Start < slots[b].Start
                        ? (slots[b].Start - slots[a].End).TotalMinutes >= problem.Travel(slots[a].Venue, slots[b].Venue)
                        : (slots[a].Start - slots[b].End).TotalMinutes >= problem.Travel(slots[b].Venue, slots[a].Venue);
                    gap.Should().BeTrue($"seed {seed}: {person.Id} is never in two places at once");
                }
            }
        }
    }

    /// <summary>The true optimum of the same objective, by trying every placement (tiny problems only).</summary>
    internal static Score BruteForce(SchedulingProblem problem)
    {
        var people = problem.Participants.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var options = people.Select(p => new List<string?> { null }.Concat(problem.Visits.Where(v => p.Preferences.Contains(v.Id))
            .SelectMany(v => v.Groups.Select(g => (string?)g.Id))).ToList()).ToList();
        var groups = problem.Visits.SelectMany(v => v.Groups.Select(g => (Group: g, Visit: v))).ToDictionary(x => x.Group.Id);
        Score? best = null;
        var choice = new string?[people.Count];
        Search(0);
        return best!;

        void Search(int i)
        {
            if (i == people.Count)
            {
                var members = choice.Select((g, p) => (g, p)).Where(x => x.g is not null).GroupBy(x => x.g!).ToDictionary(x => x.Key, x => x.Count());
                if (members.Any(m => m.Value > groups[m.Key].Group.MaxSize || m.Value < groups[m.Key].Group.MinSize))
                {
                    return;
                }

                var score = new Score(0, 0);
                for (var p = 0; p < people.Count; p++)
                {
                    var rank = choice[p] is { } g ? IndexOf(people[p].Preferences, groups[g].Visit.Id) + 1 : people[p].Preferences.Count + 1;
                    var lacks = people[p].Preferences.Count > 0 && (choice[p] is null || rank > problem.TopChoices);
                    score = new Score(score.WithoutTopChoice + (lacks ? 1 : 0), score.TotalRank + rank);
                }

                if (best is null || score.BetterThan(best))
                {
                    best = score;
                }

                return;
            }

            foreach (var option in options[i])
            {
                if (option is not null)
                {
                    var (group, visit) = groups[option];
                    var person = people[i];
                    if (!visit.Requirements.All(person.Satisfies.Contains) || person.Busy.Any(b =>
                            b.Start < group.Slot.End.AddMinutes(problem.Travel(group.Slot.Venue, b.Venue)) && group.Slot.Start < b.End.AddMinutes(problem.Travel(b.Venue, group.Slot.Venue))))
                    {
                        continue;
                    }
                }

                choice[i] = option;
                Search(i + 1);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
