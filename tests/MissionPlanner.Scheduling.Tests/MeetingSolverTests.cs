namespace MissionPlanner.Scheduling.Tests;

public sealed class MeetingSolverTests
{
    private static readonly DateTime Day = new(2027, 1, 20, 0, 0, 0, DateTimeKind.Utc);

    private static int NoTravel(string a, string b) => 0;

    /// <summary>A session of <paramref name="slots"/> 20-minute slots from <paramref name="hour"/>, each followed by a 5-minute break.</summary>
    private static MeetingSession Session(string id, int hour, int slots, int tables, string venue = "hall") =>
        new(id, venue, Enumerable.Range(0, slots).Select(i => new MeetingSlot($"{id}-{i}", Day.AddHours(hour).AddMinutes(25 * i), Day.AddHours(hour).AddMinutes(25 * i + 20))).ToList(), tables);

    private static Attendee A(string id, bool asked = false, int? cap = null, params Slot[] busy) => new(id, busy, null, cap, asked);

    private static MeetingRequest R(string id, string a, string b, bool must = false) => new(id, [a, b], must);

    [Fact]
    public void EveryoneWhoAskedGetsAMeeting_BeforeMoreMeetingsForOthers()
    {
        // One slot, one table: either ann–cem (two people who asked are covered) or bob–cem (one). Meetings are equal in number.
        var problem = new MeetingProblem([Session("s", 9, 1, 1)],
            [A("ann", asked: true), A("bob"), A("cem", asked: true)],
            [R("bob-cem", "bob", "cem", must: true), R("ann-cem", "ann", "cem")], NoTravel);

        var schedule = MeetingSolver.Solve(problem);

        schedule.Placed.Select(p => p.RequestId).Should().Equal("ann-cem");
        schedule.Score.Should().Be(new MeetingScore(Covered: 2, MustMeet: 0, Meetings: 1, IdleSlots: 0));
        schedule.Unplaced.Should().Equal(new UnplacedMeeting("bob-cem", MeetingReason.TablesFull, null));
    }

    [Fact]
    public void MustMeetComesBeforeMore_AndMoreBeforeFewerGaps()
    {
        // Two slots, one table. dan–eva is a must-meet; fay–gus is not; both fit only if they take different slots.
        var problem = new MeetingProblem([Session("s", 9, 2, 1)],
            [A("dan"), A("eva"), A("fay"), A("gus")],
            [R("fay-gus", "fay", "gus"), R("dan-eva", "dan", "eva", must: true)], NoTravel);

        var schedule = MeetingSolver.Solve(problem);

        schedule.Score.Should().Be(new MeetingScore(0, 1, 2, 0));
        schedule.Placed.Select(p => p.SlotId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void TheWholeProgrammeCounts_WithTravelTime_AndACompanyMeetingTogetherIsOneMeetingForAllThree()
    {
        // Ann is at the embassy until 09:30 and it takes 30 minutes to reach the hall: slots 09:00, 09:25, 09:50 are out.
        var busy = new Slot(Day.AddHours(8), Day.AddHours(9.5), "embassy");
        var problem = new MeetingProblem([Session("s", 9, 4, 2)],
            [A("ann", busy: busy), A("bob", cap: 1), A("cem", cap: 1)],
            [new MeetingRequest("company", ["ann", "bob", "cem"])], (a, b) => a == b ? 0 : 30);

        var schedule = MeetingSolver.Solve(problem);

        schedule.Placed.Should().Equal(new PlacedMeeting("company", "s", "s-3", 1));
        schedule.Score.Meetings.Should().Be(1);
    }

    [Fact]
    public void EachUnplacedMeetingIsExplained()
    {
        var busyAllMorning = new Slot(Day.AddHours(8), Day.AddHours(12), "hall");
        var problem = new MeetingProblem([Session("s", 9, 1, 1)],
            [A("ann", cap: 1), A("bob"), A("cem"), A("dan", busy: busyAllMorning), A("eva", cap: 0)],
            [R("ann-bob", "ann", "bob"), R("ann-cem", "ann", "cem"), R("bob-dan", "bob", "dan"), R("cem-eva", "cem", "eva")], NoTravel);

        var schedule = MeetingSolver.Solve(problem);

        schedule.Placed.Select(p => p.RequestId).Should().Equal("ann-bob");
        schedule.Unplaced.Should().BeEquivalentTo(new[]
        {
            new UnplacedMeeting("ann-cem", MeetingReason.CapReached, "ann"),
            new UnplacedMeeting("bob-dan", MeetingReason.NoCommonFreeSlot, "dan"),
            new UnplacedMeeting("cem-eva", MeetingReason.CapReached, "eva"),
        });
    }

    [Fact]
    public void APinnedMeetingKeepsItsSlot_AndBadInputIsRefusedByName()
    {
        var problem = new MeetingProblem([Session("s", 9, 3, 1)], [A("head"), A("minister"), A("x")],
            [new MeetingRequest("minister", ["head", "minister"], PinnedSlot: "s-2"), R("x", "head", "x")], NoTravel);

        MeetingSolver.Solve(problem).Placed.Should().Contain(new PlacedMeeting("minister", "s", "s-2", 1));
        FluentActions.Invoking(() => MeetingSolver.Solve(problem with { Requests = [R("self", "x", "x")] }))
            .Should().Throw<SchedulingException>().WithMessage("Meeting 'self' needs two or more different people.");
        FluentActions.Invoking(() => MeetingSolver.Solve(problem with { Requests = [R("ghost", "x", "nobody")] }))
            .Should().Throw<SchedulingException>().WithMessage("Meeting 'ghost': 'nobody' is not an attendee.");
        FluentActions.Invoking(() => MeetingSolver.Solve(problem with { Requests = [new MeetingRequest("p", ["x", "head"], PinnedSlot: "s-9")] }))
            .Should().Throw<SchedulingException>().Which.Field.Should().Be("PinnedSlot");
    }

    /// <summary>A random instance: two sessions (one in another venue, overlapping in time), busy periods, caps, availability, company meetings.</summary>
    private static MeetingProblem RandomProblem(int seed, int people, int requests, int slots, int tables)
    {
        var random = new Random(seed);
        var sessions = new[] { Session("a", 9, slots, tables), Session("b", 10, Math.Max(1, slots / 2), Math.Max(1, tables / 2), venue: "annex") };
        var attendees = Enumerable.Range(0, people).Select(i =>
        {
            var busy = Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => Day.AddHours(8).AddMinutes(15 * random.Next(0, 24)))
                .Select(start => new Slot(start, start.AddMinutes(15 * random.Next(1, 6)), random.Next(2) == 0 ? "hall" : "lab")).ToList();
            IReadOnlyList<Slot>? available = random.Next(5) == 0 ? [new Slot(Day.AddHours(9), Day.AddHours(10.5), "hall")] : null;
            return new Attendee($"p{i}", busy, available, random.Next(4) == 0 ? random.Next(1, 3) : null, random.Next(3) == 0, random.Next(3));
        }).ToList();
        var list = new List<MeetingRequest>();
        for (var i = 0; i < requests; i++)
        {
            var size = random.Next(6) == 0 ? 3 : 2;
            var who = Enumerable.Range(0, people).OrderBy(_ => random.Next()).Take(size).Select(p => $"p{p}").ToList();
            list.Add(new MeetingRequest($"r{i}", who, random.Next(4) == 0));
        }

        return new MeetingProblem(sessions, attendees, list, (x, y) => x == y ? 0 : 10);
    }

    [Theory]
    [InlineData(1, 8, 6, 3, 1)]
    [InlineData(2, 6, 7, 2, 2)]
    [InlineData(3, 7, 7, 3, 1)]
    [InlineData(4, 5, 6, 2, 1)]
    [InlineData(5, 8, 7, 3, 2)]
    [InlineData(6, 6, 7, 2, 1)]
    public void SmallInstances_ReachTheExactOptimum(int seed, int people, int requests, int slots, int tables)
    {
        var problem = RandomProblem(seed, people, requests, slots, tables);

        var schedule = MeetingSolver.Solve(problem);

        schedule.Score.Should().Be(BruteForce(problem), $"seed {seed}");
        HardRulesHold(problem, schedule);
    }

    [Fact]
    public void ManyRandomInstances_NeverBreakAHardRule_AndTheSameProblemGivesTheSameSchedule()
    {
        for (var seed = 100; seed < 160; seed++)
        {
            var problem = RandomProblem(seed, 30, 60, 8, 4);
            var schedule = MeetingSolver.Solve(problem);

            HardRulesHold(problem, schedule);
            MeetingSolver.Solve(problem).Should().BeEquivalentTo(schedule, o => o.WithStrictOrdering(), $"seed {seed} is deterministic");
        }
    }

    private static void HardRulesHold(MeetingProblem problem, MeetingSchedule schedule)
    {
        var slots = problem.Sessions.SelectMany(s => s.Slots.Select(x => (Session: s, Slot: x))).ToDictionary(x => x.Slot.Id);
        var requests = problem.Requests.ToDictionary(r => r.Id);
        var people = problem.Attendees.ToDictionary(a => a.Id);
        static bool Clear(Slot a, Slot b, TravelMinutes t) => a.End.AddMinutes(t(a.Venue, b.Venue)) <= b.Start || b.End.AddMinutes(t(b.Venue, a.Venue)) <= a.Start;

        schedule.Placed.Select(p => p.RequestId).Concat(schedule.Unplaced.Select(u => u.RequestId)).Should().BeEquivalentTo(requests.Keys, "every request is placed or explained once");
        foreach (var group in schedule.Placed.GroupBy(p => p.SlotId))
        {
            group.Count().Should().BeLessThanOrEqualTo(slots[group.Key].Session.Tables, "a slot holds no more meetings than tables");
            group.Select(p => p.Table).Should().OnlyHaveUniqueItems();
        }

        var byPerson = schedule.Placed.SelectMany(p => requests[p.RequestId].Attendees.Select(a => (Person: a, Meeting: p))).GroupBy(x => x.Person);
        foreach (var mine in byPerson)
        {
            var person = people[mine.Key];
            mine.Count().Should().BeLessThanOrEqualTo(person.Cap ?? int.MaxValue, $"{person.Id}'s cap holds");
            var at = mine.Select(x => (x.Meeting, Slot: new Slot(slots[x.Meeting.SlotId].Slot.Start, slots[x.Meeting.SlotId].Slot.End, slots[x.Meeting.SlotId].Session.Venue))).ToList();
            foreach (var (meeting, slot) in at.Where(x => requests[x.Meeting.RequestId].PinnedSlot is null))
            {
                person.Busy.Where(b => !Clear(b, slot, problem.Travel)).Should().BeEmpty($"{person.Id} is free for {meeting.RequestId}, travel included");
                if (person.Available is not null)
                {
                    person.Available.Should().Contain(a => a.Start <= slot.Start && slot.End <= a.End, $"{person.Id} said they are available");
                }
            }

            for (var i = 0; i < at.Count; i++)
            {
                for (var j = i + 1; j < at.Count; j++)
                {
                    Clear(at[i].Slot, at[j].Slot, problem.Travel).Should().BeTrue($"{person.Id} is in one meeting at a time");
                }
            }
        }
    }

    /// <summary>Every assignment of each request to one of its slots or none, checked by the same rules; the best score.</summary>
    private static MeetingScore BruteForce(MeetingProblem problem)
    {
        var slots = problem.Sessions.SelectMany(s => s.Slots.Select(x => (Session: s, Slot: x))).ToList();
        var best = new MeetingScore(0, 0, 0, int.MaxValue);
        var choice = new int[problem.Requests.Count];
        var people = problem.Attendees.ToDictionary(a => a.Id);
        static bool Clear(Slot a, Slot b, TravelMinutes t) => a.End.AddMinutes(t(a.Venue, b.Venue)) <= b.Start || b.End.AddMinutes(t(b.Venue, a.Venue)) <= a.Start;
        Slot At(int s) => new(slots[s].Slot.Start, slots[s].Slot.End, slots[s].Session.Venue);

        void Visit(int i)
        {
            if (i == choice.Length)
            {
                var placed = Enumerable.Range(0, choice.Length).Where(r => choice[r] >= 0).ToList();
                if (placed.GroupBy(r => choice[r]).Any(g => g.Count() > slots[g.Key].Session.Tables))
                {
                    return;
                }

                var mine = placed.SelectMany(r => problem.Requests[r].Attendees.Select(a => (a, s: choice[r]))).GroupBy(x => x.a).ToList();
                foreach (var g in mine)
                {
                    var person = people[g.Key];
                    var list = g.Select(x => x.s).ToList();
                    if (list.Count > (person.Cap ?? int.MaxValue) || list.Any(s => !person.Busy.All(b => Clear(b, At(s), problem.Travel))
                            || person.Available is not null && !person.Available.Any(a => a.Start <= At(s).Start && At(s).End <= a.End)))
                    {
                        return;
                    }

                    for (var x = 0; x < list.Count; x++)
                    {
                        for (var y = x + 1; y < list.Count; y++)
                        {
                            if (!Clear(At(list[x]), At(list[y]), problem.Travel))
                            {
                                return;
                            }
                        }
                    }
                }

                var idle = mine.Sum(g => g.GroupBy(x => slots[x.s].Session.Id).Sum(s => s.Max(x => x.s) - s.Min(x => x.s) + 1 - s.Count()));
                var score = new MeetingScore(mine.Count(g => people[g.Key].AskedForMeetings), placed.Count(r => problem.Requests[r].MustMeet), placed.Count, idle);
                if (score.BetterThan(best))
                {
                    best = score;
                }

                return;
            }

            for (var s = -1; s < slots.Count; s++)
            {
                choice[i] = s;
                Visit(i + 1);
            }
        }

        Visit(0);
        return best;
    }
}
