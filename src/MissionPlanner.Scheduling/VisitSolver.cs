namespace MissionPlanner.Scheduling;

/// <summary>
/// Places participants in visit groups: capacities and minimum group sizes hold, nobody is in two
/// places at once (their whole programme counts, with travel time between venues), requirements
/// are met and pinned placements stay. Fairness first — as few people as possible without any of
/// their top choices — then the lowest total rank. Deterministic: the same problem gives the same
/// schedule. Greedy placement of the most constrained people first, then repair of groups below
/// their minimum, then improving moves and swaps until none helps.
/// </summary>
public static class VisitSolver
{
    /// <summary>Solves from a few deterministic starting orders and keeps the best result (the first among equals).</summary>
    public static Schedule Solve(SchedulingProblem problem)
    {
        Validate(problem);
        // The starts are independent, so they run side by side; the choice among them stays deterministic.
        var results = new Schedule[Starts];
        Parallel.For(0, Starts, start => results[start] = new State(problem, start).Run());
        var best = results[0];
        foreach (var schedule in results.Skip(1))
        {
            if (schedule.Score.BetterThan(best.Score))
            {
                best = schedule;
            }
        }

        return best;
    }

    private const int Starts = 4;

    /// <summary>Checks the input and names what is wrong: the solver never guesses around bad data.</summary>
    public static void Validate(SchedulingProblem problem)
    {
        var visits = new HashSet<string>();
        var groups = new Dictionary<string, VisitGroup>();
        foreach (var visit in problem.Visits)
        {
            if (!visits.Add(visit.Id))
            {
                throw new SchedulingException("Visits", $"Visit '{visit.Id}' appears twice.");
            }

            if (visit.Groups.Count == 0)
            {
                throw new SchedulingException("Visits", $"Visit '{visit.Name}' has no time windows: add at least one group.");
            }

            foreach (var group in visit.Groups)
            {
                if (group.MinSize < 0 || group.MaxSize < 1 || group.MinSize > group.MaxSize)
                {
                    throw new SchedulingException("Groups", $"Visit '{visit.Name}', group {group.Id}: the minimum ({group.MinSize}) must be between 0 and the maximum ({group.MaxSize}).");
                }

                if (group.Slot.End <= group.Slot.Start)
                {
                    throw new SchedulingException("Groups", $"Visit '{visit.Name}', group {group.Id}: it must end after it starts.");
                }

                if (!groups.TryAdd(group.Id, group))
                {
                    throw new SchedulingException("Groups", $"Group '{group.Id}' appears twice.");
                }
            }
        }

        var pinned = new Dictionary<string, int>();
        foreach (var participant in problem.Participants)
        {
            if (participant.Preferences.FirstOrDefault(v => !visits.Contains(v)) is { } unknown)
            {
                throw new SchedulingException("Preferences", $"Participant '{participant.Id}' ranks a visit that does not exist ('{unknown}').");
            }

            foreach (var group in participant.PinnedGroups)
            {
                if (!groups.ContainsKey(group))
                {
                    throw new SchedulingException("PinnedGroups", $"Participant '{participant.Id}' is pinned to a group that does not exist ('{group}').");
                }

                pinned[group] = pinned.GetValueOrDefault(group) + 1;
            }
        }

        if (pinned.FirstOrDefault(p => p.Value > groups[p.Key].MaxSize) is { Key: not null } over)
        {
            throw new SchedulingException("PinnedGroups", $"{over.Value} people are pinned to group '{over.Key}', which takes {groups[over.Key].MaxSize}.");
        }
    }

    private sealed class State
    {
        private readonly SchedulingProblem problem;
        private readonly List<(VisitGroup Group, int Visit)> groups = [];
        private readonly Dictionary<string, int> groupIndex = [];
        private readonly Dictionary<string, int> visitIndex = [];
        private readonly Participant[] people;
        private readonly List<int>[] members;
        private readonly List<int>[] placed; // per person: group indices
        private readonly HashSet<(int Person, int Group)> pins = [];
        private readonly bool[] closed;

        private readonly int start;

        public State(SchedulingProblem problem, int start)
        {
            this.problem = problem;
            this.start = start;
            for (var v = 0; v < problem.Visits.Count; v++)
            {
                visitIndex[problem.Visits[v].Id] = v;
                foreach (var g in problem.Visits[v].Groups.OrderBy(g => g.Slot.Start).ThenBy(g => g.Id, StringComparer.Ordinal))
                {
                    groupIndex[g.Id] = groups.Count;
                    groups.Add((g, v));
                }
            }

            people = [.. problem.Participants.OrderBy(p => p.Id, StringComparer.Ordinal)];
            members = groups.Select(_ => new List<int>()).ToArray();
            placed = people.Select(_ => new List<int>()).ToArray();
            closed = new bool[groups.Count];
            for (var p = 0; p < people.Length; p++)
            {
                foreach (var id in people[p].PinnedGroups.Distinct())
                {
                    var g = groupIndex[id];
                    pins.Add((p, g));
                    members[g].Add(p);
                    placed[p].Add(g);
                }
            }
        }

        public Schedule Run()
        {
            Greedy();
            RepairMinimums();
            Improve();
            return Result();
        }

        /// <summary>Rank of a visit for a person: 1 for their first choice; 0 when they did not rank it.</summary>
        private int Rank(int person, int visit)
        {
            var index = IndexOf(people[person].Preferences, problem.Visits[visit].Id);
            return index < 0 ? 0 : index + 1;
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

        private bool Satisfies(int person, int visit) => problem.Visits[visit].Requirements.All(people[person].Satisfies.Contains);

        private bool Clashes(Slot a, Slot b) =>
            a.Start < b.End.AddMinutes(problem.Travel(b.Venue, a.Venue)) && b.Start < a.End.AddMinutes(problem.Travel(a.Venue, b.Venue));

        /// <summary>Could the person join the group, given everything else they do (except one group being left)?</summary>
        private bool Fits(int person, int group, int leaving = -1)
        {
            var (g, visit) = groups[group];
            if (closed[group] || !Satisfies(person, visit) || people[person].Busy.Any(b => Clashes(b, g.Slot)))
            {
                return false;
            }

            foreach (var other in placed[person])
            {
                if (other != leaving && (groups[other].Visit == visit || Clashes(groups[other].Group.Slot, g.Slot)))
                {
                    return false;
                }
            }

            return true;
        }

        private bool HasRoom(int group) => members[group].Count < groups[group].Group.MaxSize;

        private void Join(int person, int group)
        {
            members[group].Add(person);
            placed[person].Add(group);
            Rescore(person);
        }

        private void Leave(int person, int group)
        {
            members[group].Remove(person);
            placed[person].Remove(group);
            Rescore(person);
        }

        // The score is kept up to date person by person, so trying a move costs no full recount.
        private int[][]? ranked;

        /// <summary>The groups of the visits a person ranked: the only groups a move can take them to.</summary>
        private int[] Ranked(int person)
        {
            ranked ??= Enumerable.Range(0, people.Length)
                .Select(p => Enumerable.Range(0, groups.Count).Where(g => Rank(p, groups[g].Visit) > 0).ToArray()).ToArray();
            return ranked[person];
        }

        private int[]? costs;
        private bool[]? lacking;
        private int totalCost;
        private int withoutTop;

        private void Rescore(int person)
        {
            if (costs is null || lacking is null)
            {
                return;
            }

            totalCost += Cost(person) - costs[person];
            costs[person] = Cost(person);
            var lacks = LacksTop(person);
            withoutTop += (lacks ? 1 : 0) - (lacking[person] ? 1 : 0);
            lacking[person] = lacks;
        }

        private void StartScoring()
        {
            costs = Enumerable.Range(0, people.Length).Select(Cost).ToArray();
            lacking = Enumerable.Range(0, people.Length).Select(LacksTop).ToArray();
            totalCost = costs.Sum();
            withoutTop = lacking.Count(l => l);
        }

        private int[][]? byVisit;

        private int[] GroupsOf(int visit)
        {
            byVisit ??= Enumerable.Range(0, problem.Visits.Count).Select(v => Enumerable.Range(0, groups.Count).Where(g => groups[g].Visit == v).ToArray()).ToArray();
            return byVisit[visit];
        }

        private int[][]? rankers;

        /// <summary>The people who ranked a visit at all.</summary>
        private int[] RankersOf(int visit)
        {
            rankers ??= Enumerable.Range(0, problem.Visits.Count).Select(v => Enumerable.Range(0, people.Length).Where(p => Rank(p, v) > 0).ToArray()).ToArray();
            return rankers[visit];
        }

        private void Greedy()
        {
            for (var round = 0; round < problem.VisitsPerParticipant; round++)
            {
                // The most constrained first: fewest top choices they could get at all.
                // Each start orders people differently; all are deterministic.
                var waiting = Enumerable.Range(0, people.Length).Where(p => placed[p].Count <= round);
                var order = (start switch
                {
                    0 => waiting.OrderBy(p => people[p].Preferences.Take(problem.TopChoices).Count(v => GroupsOf(visitIndex[v]).Any(g => Fits(p, g)))).ThenBy(p => p),
                    1 => waiting.OrderBy(p => people[p].Preferences.Count).ThenByDescending(p => p),
                    2 => waiting.OrderByDescending(p => p),
                    _ => waiting.OrderBy(p => (p * 7919) % Math.Max(1, people.Length)).ThenBy(p => p),
                }).ToList();
                foreach (var person in order)
                {
                    foreach (var visitId in people[person].Preferences)
                    {
                        var best = GroupsOf(visitIndex[visitId]).Where(g => HasRoom(g) && Fits(person, g))
                            .OrderByDescending(g => groups[g].Group.MaxSize - members[g].Count).ThenBy(g => g).DefaultIfEmpty(-1).First();
                        if (best >= 0)
                        {
                            Join(person, best);
                            break;
                        }
                    }
                }
            }
        }

        /// <summary>Groups below their minimum are closed and their people placed elsewhere, smallest groups first.</summary>
        private void RepairMinimums()
        {
            while (true)
            {
                var small = Enumerable.Range(0, groups.Count)
                    .Where(g => !closed[g] && members[g].Count > 0 && members[g].Count < groups[g].Group.MinSize && !members[g].Any(p => pins.Contains((p, g))))
                    .OrderBy(g => members[g].Count).ThenBy(g => g).FirstOrDefault(-1);
                if (small < 0)
                {
                    return;
                }

                // First try to bring the group up to its minimum with people who would rank it higher than what they have.
                var candidates = Enumerable.Range(0, people.Length)
                    .Where(p => !members[small].Contains(p) && Rank(p, groups[small].Visit) > 0)
                    .Select(p => (Person: p, Leaving: LeavableFor(p, small)))
                    .Where(c => c.Leaving != -2)
                    .OrderBy(c => Rank(c.Person, groups[small].Visit)).ThenBy(c => c.Person)
                    .ToList();
                if (members[small].Count + candidates.Count >= groups[small].Group.MinSize)
                {
                    foreach (var (person, leaving) in candidates.Take(groups[small].Group.MinSize - members[small].Count))
                    {
                        if (leaving >= 0)
                        {
                            Leave(person, leaving);
                        }

                        Join(person, small);
                    }

                    continue;
                }

                closed[small] = true;
                foreach (var person in members[small].ToList())
                {
                    Leave(person, small);
                    Replace(person);
                }
            }
        }

        /// <summary>-1: can join without leaving anything; a group index: must leave that group; -2: cannot.</summary>
        private int LeavableFor(int person, int group)
        {
            if (placed[person].Count < problem.VisitsPerParticipant && Fits(person, group))
            {
                return -1;
            }

            foreach (var current in placed[person].OrderBy(g => g))
            {
                if (!pins.Contains((person, current)) && members[current].Count - 1 >= groups[current].Group.MinSize
                    && Rank(person, groups[current].Visit) > Rank(person, groups[group].Visit) && Fits(person, group, current))
                {
                    return current;
                }
            }

            return -2;
        }

        private void Replace(int person)
        {
            foreach (var visitId in people[person].Preferences)
            {
                var g = GroupsOf(visitIndex[visitId]).Where(g => HasRoom(g) && Fits(person, g) && members[g].Count + 1 >= groups[g].Group.MinSize)
                    .OrderBy(g => g).DefaultIfEmpty(-1).First();
                if (g >= 0)
                {
                    Join(person, g);
                    return;
                }
            }
        }

        private Score ScoreOf()
        {
            if (costs is null)
            {
                StartScoring();
            }

            return new Score(withoutTop, totalCost);
        }

        private bool LacksTop(int person) =>
            people[person].Preferences.Count > 0 && !placed[person].Any(g => Rank(person, groups[g].Visit) is > 0 and var r && r <= problem.TopChoices);

        private int Cost(int person)
        {
            var unplaced = people[person].Preferences.Count + 1;
            var sum = 0;
            foreach (var g in placed[person])
            {
                var rank = Rank(person, groups[g].Visit);
                sum += rank == 0 ? unplaced : rank;
            }

            var wanted = Math.Min(problem.VisitsPerParticipant, people[person].Preferences.Count);
            return sum + Math.Max(0, wanted - placed[person].Count) * unplaced;
        }

        /// <summary>Moves into better groups and swaps between two people, while they improve the score.</summary>
        private void Improve()
        {
            for (var pass = 0; pass < 50; pass++)
            {
                var improved = false;
                for (var person = 0; person < people.Length; person++)
                {
                    improved |= TryMove(person) || TrySwap(person) || TryKick(person);
                }

                for (var group = 0; group < groups.Count; group++)
                {
                    improved |= TryOpen(group);
                }

                if (!improved)
                {
                    return;
                }
            }
        }

        private bool Movable(int person, int group) => !pins.Contains((person, group)) && members[group].Count - 1 >= groups[group].Group.MinSize;

        private bool TryMove(int person)
        {
            var before = ScoreOf();
            foreach (var target in Ranked(person).Where(g => HasRoom(g) && members[g].Count + 1 >= groups[g].Group.MinSize))
            {
                foreach (var leaving in placed[person].Where(g => Movable(person, g)).Append(-1).ToList())
                {
                    if (leaving == -1 && placed[person].Count >= problem.VisitsPerParticipant || !Fits(person, target, leaving))
                    {
                        continue;
                    }

                    if (leaving >= 0)
                    {
                        Leave(person, leaving);
                    }

                    Join(person, target);
                    if (ScoreOf().BetterThan(before))
                    {
                        return true;
                    }

                    Leave(person, target);
                    if (leaving >= 0)
                    {
                        Join(person, leaving);
                    }
                }
            }

            return false;
        }

        private bool TrySwap(int person)
        {
            var before = ScoreOf();
            foreach (var mine in placed[person].Where(g => !pins.Contains((person, g))).ToList())
            {
                foreach (var theirs in Ranked(person).Where(g => g != mine))
                {
                    foreach (var other in members[theirs].Where(o => o != person && !pins.Contains((o, theirs))).ToList())
                    {
                        if (Rank(other, groups[mine].Visit) == 0 || !Fits(person, theirs, mine) || !Fits(other, mine, theirs))
                        {
                            continue;
                        }

                        Leave(person, mine);
                        Leave(other, theirs);
                        Join(person, theirs);
                        Join(other, mine);
                        if (ScoreOf().BetterThan(before))
                        {
                            return true;
                        }

                        Leave(person, theirs);
                        Leave(other, mine);
                        Join(person, mine);
                        Join(other, theirs);
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Takes someone's place in a full group, and moves that someone to another group with room
        /// (a chain of two moves that neither makes alone).
        /// </summary>
        private bool TryKick(int person)
        {
            var before = ScoreOf();
            foreach (var target in Ranked(person).Where(g => !HasRoom(g)))
            {
                foreach (var leaving in placed[person].Where(g => Movable(person, g)).Append(-1).ToList())
                {
                    if (leaving == -1 && placed[person].Count >= problem.VisitsPerParticipant || !Fits(person, target, leaving))
                    {
                        continue;
                    }

                    foreach (var other in members[target].Where(o => o != person && !pins.Contains((o, target))).ToList())
                    {
                        var refuges = Ranked(other);
                        for (var r = 0; r <= refuges.Length; r++)
                        {
                            var refuge = r < refuges.Length ? refuges[r] : -1;
                            if (refuge == target)
                            {
                                continue;
                            }

                            Leave(other, target);
                            if (refuge >= 0 && (!HasRoom(refuge) || members[refuge].Count + 1 < groups[refuge].Group.MinSize || !Fits(other, refuge)))
                            {
                                Join(other, target);
                                continue;
                            }

                            if (refuge >= 0)
                            {
                                Join(other, refuge);
                            }

                            if (leaving >= 0)
                            {
                                Leave(person, leaving);
                            }

                            Join(person, target);
                            if (ScoreOf().BetterThan(before) && Valid(leaving))
                            {
                                return true;
                            }

                            Leave(person, target);
                            if (leaving >= 0)
                            {
                                Join(person, leaving);
                            }

                            if (refuge >= 0)
                            {
                                Leave(other, refuge);
                            }

                            Join(other, target);
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Opens an empty group that needs several people at once (a minimum of two or more): the
        /// people who gain most by joining it move together, if that improves the score.
        /// </summary>
        private bool TryOpen(int group)
        {
            var need = groups[group].Group.MinSize;
            if (members[group].Count > 0 || need < 2)
            {
                return false;
            }

            var before = ScoreOf();
            var wasClosed = closed[group];
            closed[group] = false;
            var visit = groups[group].Visit;
            var candidates = new List<(int Person, int Leaving, int Gain)>();
            foreach (var person in RankersOf(visit))
            {
                var rank = Rank(person, visit);

                if (placed[person].Count < problem.VisitsPerParticipant && Fits(person, group))
                {
                    candidates.Add((person, -1, people[person].Preferences.Count + 1 - rank));
                    continue;
                }

                foreach (var current in placed[person].Where(g => Movable(person, g)).OrderBy(g => g))
                {
                    if (Fits(person, group, current) && Rank(person, groups[current].Visit) >= rank)
                    {
                        candidates.Add((person, current, Rank(person, groups[current].Visit) - rank));
                        break;
                    }
                }
            }

            var chosen = candidates.OrderByDescending(c => c.Gain).ThenBy(c => c.Person).Take(groups[group].Group.MaxSize).ToList();
            if (chosen.Count >= need)
            {
                foreach (var (person, leaving, _) in chosen)
                {
                    if (leaving >= 0)
                    {
                        Leave(person, leaving);
                    }

                    Join(person, group);
                }

                if (ScoreOf().BetterThan(before) && chosen.All(c => Valid(c.Leaving)))
                {
                    return true;
                }

                foreach (var (person, leaving, _) in chosen)
                {
                    Leave(person, group);
                    if (leaving >= 0)
                    {
                        Join(person, leaving);
                    }
                }
            }

            closed[group] = wasClosed;
            return false;
        }

        /// <summary>A group left by a move keeps its minimum (or is empty).</summary>
        private bool Valid(int left) => left < 0 || members[left].Count == 0 || members[left].Count >= groups[left].Group.MinSize;

        private Schedule Result()
        {
            var membersById = Enumerable.Range(0, groups.Count).ToDictionary(g => groups[g].Group.Id,
                g => (IReadOnlyList<string>)members[g].Select(p => people[p].Id).Order(StringComparer.Ordinal).ToList());
            var placements = Enumerable.Range(0, people.Length).Select(p =>
            {
                var mine = placed[p].OrderBy(g => groups[g].Group.Slot.Start).ToList();
                var best = mine.Select(g => Rank(p, groups[g].Visit)).Where(r => r > 0).DefaultIfEmpty(int.MaxValue).Min();
                var unmet = people[p].Preferences.Select((v, i) => (Visit: visitIndex[v], Rank: i + 1))
                    .Where(x => x.Rank < best && !mine.Any(g => groups[g].Visit == x.Visit))
                    .Select(x => new Explanation(problem.Visits[x.Visit].Id, x.Rank, Why(p, x.Visit))).ToList();
                return new Placement(people[p].Id, mine.Select(g => groups[g].Group.Id).ToList(), mine.Select(g => Rank(p, groups[g].Visit)).ToList(), unmet);
            }).ToList();
            return new Schedule(membersById, placements, ScoreOf());
        }

        private Reason Why(int person, int visit)
        {
            if (!Satisfies(person, visit))
            {
                return Reason.Requirement;
            }

            // What they would keep: their programme and placements they rank higher than this visit.
            var rank = Rank(person, visit);
            var kept = placed[person].Where(o => Rank(person, groups[o].Visit) is > 0 and var r && r < rank).ToList();
            var all = GroupsOf(visit).ToList();
            var fitting = all.Where(g => !people[person].Busy.Any(b => Clashes(b, groups[g].Group.Slot))
                                         && kept.All(o => !Clashes(groups[o].Group.Slot, groups[g].Group.Slot))).ToList();
            if (fitting.Count == 0)
            {
                return Reason.Clash;
            }

            return fitting.All(g => closed[g]) ? Reason.TooFewForAGroup : Reason.Full;
        }
    }
}
