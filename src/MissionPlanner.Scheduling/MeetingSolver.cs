namespace MissionPlanner.Scheduling;

/// <summary>
/// Places B2B meetings into session slots and tables. Hard rules: one meeting per person at a time
/// (their whole programme counts, with travel time between venues, and meetings in overlapping slots
/// of other sessions); every attendee free and, where stated, available; no more meetings in a slot
/// than it has tables; per-person caps; pinned meetings in their slot. Objective in order
/// (<see cref="MeetingScore"/>): everyone who asked for meetings gets at least one; the most "must
/// meet" meetings; the most meetings; the fewest idle slots between a person's meetings.
/// Deterministic: the same problem gives the same schedule. Small problems are searched exhaustively
/// (branch and bound, so their optimum is exact); larger ones are built greedily — pinned, then one
/// meeting for each person who asked, then "must meet", then the rest, higher priorities first — and
/// improved by moves that place a meeting by moving or removing another, while the score improves.
/// </summary>
public static class MeetingSolver
{
    /// <summary>Nodes an exhaustive search may visit before the heuristic's answer is kept instead.</summary>
    private const int ExactNodeLimit = 300_000;

    private const int ImprovementPasses = 12;

    /// <summary>How many meetings deep a chain of moves may go to let an unplaced meeting in.</summary>
    private const int ChainDepth = 2;

    /// <summary>Moves tried per placed meeting by <c>ReduceIdle</c>, and at most in all: bounds its time (deterministically).</summary>
    private const int IdleMovesPerMeeting = 400;

    private const int IdleMovesLimit = 400_000;

    /// <summary>Meetings tried out of their place to let another in, per solve: bounds the time on large problems (deterministically).</summary>
    private const int DisplacementBudget = 200_000;

    public static MeetingSchedule Solve(MeetingProblem problem)
    {
        Validate(problem);
        var state = new State(problem);
        state.Construct();
        state.Improve();
        state.ReduceIdle();
        if (problem.Requests.Count <= 14)
        {
            state.TryExact(ExactNodeLimit);
        }

        return state.Result();
    }

    /// <summary>Checks the input and names what is wrong: the solver never guesses around bad data.</summary>
    /// <exception cref="SchedulingException">With the field and the item at fault.</exception>
    public static void Validate(MeetingProblem problem)
    {
        var people = new HashSet<string>();
        foreach (var a in problem.Attendees)
        {
            if (!people.Add(a.Id))
            {
                throw new SchedulingException("Attendees", $"Attendee '{a.Id}' appears twice.");
            }

            if (a.Cap is < 0)
            {
                throw new SchedulingException("Cap", $"Attendee '{a.Id}': a cap cannot be negative.");
            }
        }

        var slots = new HashSet<string>();
        foreach (var session in problem.Sessions)
        {
            if (session.Tables < 1)
            {
                throw new SchedulingException("Tables", $"Session '{session.Id}' needs at least one table.");
            }

            foreach (var slot in session.Slots)
            {
                if (!slots.Add(slot.Id))
                {
                    throw new SchedulingException("Slots", $"Slot '{slot.Id}' appears twice.");
                }

                if (slot.End <= slot.Start)
                {
                    throw new SchedulingException("Slots", $"Slot '{slot.Id}' must end after it starts.");
                }
            }
        }

        var requests = new HashSet<string>();
        foreach (var r in problem.Requests)
        {
            if (!requests.Add(r.Id))
            {
                throw new SchedulingException("Requests", $"Meeting '{r.Id}' appears twice.");
            }

            if (r.Attendees.Distinct().Count() < 2 || r.Attendees.Distinct().Count() != r.Attendees.Count)
            {
                throw new SchedulingException("Attendees", $"Meeting '{r.Id}' needs two or more different people.");
            }

            if (r.Attendees.FirstOrDefault(a => !people.Contains(a)) is { } unknown)
            {
                throw new SchedulingException("Attendees", $"Meeting '{r.Id}': '{unknown}' is not an attendee.");
            }

            if (r.PinnedSlot is { } pinned && !slots.Contains(pinned))
            {
                throw new SchedulingException("PinnedSlot", $"Meeting '{r.Id}' is pinned to '{pinned}', which is no slot of any session.");
            }
        }
    }

    private sealed class State
    {
        private readonly MeetingProblem problem;
        private readonly (MeetingSession Session, MeetingSlot Slot)[] slots;
        private readonly bool[,] conflict;
        private readonly int[][] attendees;
        private readonly int[][] feasible;
        private readonly int[] pinned;
        private readonly int[] sessionOf;
        private readonly int[] caps;
        private readonly bool[] asked;
        private readonly int[] priority;
        private readonly int[] assign;
        private readonly int[] used;
        private readonly int[] count;
        private readonly List<int>[] personSlots;
        private readonly List<int>[] personRequests;
        private readonly List<int>[] slotRequests;
        private readonly int totalTables;
        private int budget = DisplacementBudget;
        private int chainBudget = DisplacementBudget;
        private int covered;
        private int must;
        private int meetings;
        private int idle;


        public State(MeetingProblem problem)
        {
            this.problem = problem;
            slots = problem.Sessions.SelectMany(s => s.Slots.OrderBy(x => x.Start).Select(x => (s, x))).ToArray();
            sessionOf = slots.Select(s => problem.Sessions.ToList().IndexOf(s.Session)).ToArray();
            var slotIndex = slots.Select((s, i) => (s.Slot.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var people = problem.Attendees.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
            conflict = new bool[slots.Length, slots.Length];
            for (var a = 0; a < slots.Length; a++)
            {
                for (var b = 0; b < slots.Length; b++)
                {
                    conflict[a, b] = a == b || !Clear(At(a), At(b), problem.Travel);
                }
            }

            attendees = problem.Requests.Select(r => r.Attendees.Select(a => people[a]).ToArray()).ToArray();
            feasible = problem.Requests.Select((r, i) => Enumerable.Range(0, slots.Length)
                .Where(s => attendees[i].All(p => Free(problem.Attendees[p], At(s), problem.Travel))).ToArray()).ToArray();
            pinned = problem.Requests.Select(r => r.PinnedSlot is { } p ? slotIndex[p] : -1).ToArray();
            caps = problem.Attendees.Select(a => a.Cap ?? int.MaxValue).ToArray();
            asked = problem.Attendees.Select(a => a.AskedForMeetings).ToArray();
            priority = problem.Requests.Select((r, i) => attendees[i].Max(p => problem.Attendees[p].Priority)).ToArray();
            assign = Enumerable.Repeat(-1, problem.Requests.Count).ToArray();
            used = new int[slots.Length];
            count = new int[problem.Attendees.Count];
            personSlots = problem.Attendees.Select(_ => new List<int>()).ToArray();
            personRequests = problem.Attendees.Select(_ => new List<int>()).ToArray();
            slotRequests = slots.Select(_ => new List<int>()).ToArray();
            totalTables = slots.Sum(s => s.Session.Tables);
        }

        private MeetingScore Score => new(covered, must, meetings, idle);

        private Slot At(int s) => new(slots[s].Slot.Start, slots[s].Slot.End, slots[s].Session.Venue);

        private static bool Clear(Slot a, Slot b, TravelMinutes travel) =>
            a.End.AddMinutes(travel(a.Venue, b.Venue)) <= b.Start || b.End.AddMinutes(travel(b.Venue, a.Venue)) <= a.Start;

        private static bool Free(Attendee person, Slot slot, TravelMinutes travel) =>
            person.Busy.All(b => Clear(b, slot, travel))
            && (person.Available is null || person.Available.Any(a => a.Start <= slot.Start && slot.End <= a.End));

        private bool CanPlace(int r, int s)
        {
            if (used[s] >= slots[s].Session.Tables)
            {
                return false;
            }

            foreach (var p in attendees[r])
            {
                if (count[p] >= caps[p])
                {
                    return false;
                }

                foreach (var t in personSlots[p])
                {
                    if (conflict[s, t])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>Empty slots between the person's first and last meeting of each session (with <paramref name="extra"/> added, if not -1).</summary>
        private int Idle(int p, int extra = -1)
        {
            var list = personSlots[p];
            var n = list.Count + (extra >= 0 ? 1 : 0);
            var total = 0;
            for (var i = 0; i < n; i++)
            {
                var s = i < list.Count ? list[i] : extra;
                var first = true;
                for (var j = 0; j < i && first; j++)
                {
                    first = sessionOf[j < list.Count ? list[j] : extra] != sessionOf[s];
                }

                if (!first)
                {
                    continue;
                }

                var (min, max, k) = (s, s, 0);
                for (var j = i; j < n; j++)
                {
                    var t = j < list.Count ? list[j] : extra;
                    if (sessionOf[t] == sessionOf[s])
                    {
                        (min, max, k) = (Math.Min(min, t), Math.Max(max, t), k + 1);
                    }
                }

                total += max - min + 1 - k;
            }

            return total;
        }

        private void Place(int r, int s)
        {
            foreach (var p in attendees[r])
            {
                idle -= Idle(p);
                covered += asked[p] && count[p] == 0 ? 1 : 0;
                count[p]++;
                personSlots[p].Add(s);
                personRequests[p].Add(r);
                idle += Idle(p);
            }

            slotRequests[s].Add(r);
            assign[r] = s;
            used[s]++;
            meetings++;
            must += problem.Requests[r].MustMeet ? 1 : 0;
        }

        private void Remove(int r)
        {
            var s = assign[r];
            foreach (var p in attendees[r])
            {
                idle -= Idle(p);
                count[p]--;
                personSlots[p].Remove(s);
                personRequests[p].Remove(r);
                covered -= asked[p] && count[p] == 0 ? 1 : 0;
                idle += Idle(p);
            }

            slotRequests[s].Remove(r);
            assign[r] = -1;
            used[s]--;
            meetings--;
            must -= problem.Requests[r].MustMeet ? 1 : 0;
        }

        /// <summary>The slot that keeps the attendees' meetings closest together; the earliest among equals.</summary>
        private int BestSlot(int r)
        {
            var best = -1;
            var bestIdle = int.MaxValue;
            foreach (var s in pinned[r] >= 0 ? [pinned[r]] : feasible[r])
            {
                if (!CanPlace(r, s))
                {
                    continue;
                }

                var cost = 0;
                foreach (var p in attendees[r])
                {
                    cost += Idle(p, s) - Idle(p);
                }

                if (cost < bestIdle)
                {
                    (best, bestIdle) = (s, cost);
                }
            }

            return best;
        }

        private bool TryPlace(int r)
        {
            var s = BestSlot(r);
            if (s < 0)
            {
                return false;
            }

            Place(r, s);
            return true;
        }

        public void Construct()
        {
            var order = Enumerable.Range(0, assign.Length)
                .OrderByDescending(r => pinned[r] >= 0)
                .ThenByDescending(r => priority[r])
                .ThenBy(r => feasible[r].Length)
                .ThenBy(r => r)
                .ToList();
            foreach (var r in order.Where(r => pinned[r] >= 0))
            {
                TryPlace(r);
            }

            // One meeting for each person who asked, the people with the fewest chances first.
            var waiting = Enumerable.Range(0, asked.Length).Where(p => asked[p])
                .OrderBy(p => order.Count(r => attendees[r].Contains(p))).ThenBy(p => p).ToList();
            foreach (var p in waiting.Where(p => count[p] == 0))
            {
                foreach (var r in order.Where(r => assign[r] < 0 && attendees[r].Contains(p))
                             .OrderByDescending(r => attendees[r].Count(q => asked[q] && count[q] == 0))
                             .ThenByDescending(r => problem.Requests[r].MustMeet))
                {
                    if (TryPlace(r))
                    {
                        break;
                    }
                }
            }

            foreach (var r in order.Where(r => problem.Requests[r].MustMeet))
            {
                if (assign[r] < 0)
                {
                    TryPlace(r);
                }
            }

            foreach (var r in order.Where(r => assign[r] < 0))
            {
                TryPlace(r);
            }
        }

        /// <summary>
        /// Places what is unplaced by first moving or removing one meeting in its way, and moves meetings to
        /// close gaps, keeping each change only when the score improves; stops when a pass finds nothing.
        /// </summary>
        public void Improve()
        {
            for (var pass = 0; pass < ImprovementPasses; pass++)
            {
                var improved = false;
                // What counts most first: a "must meet", then a meeting for someone who has none.
                foreach (var r in Enumerable.Range(0, assign.Length).Where(r => assign[r] < 0 && pinned[r] < 0)
                             .OrderByDescending(r => problem.Requests[r].MustMeet).ThenByDescending(r => attendees[r].Any(p => asked[p] && count[p] == 0))
                             .ThenBy(r => feasible[r].Length).ThenBy(r => r).ToList())
                {
                    if (assign[r] < 0)
                    {
                        improved |= Insert(r, ChainDepth, Droppable(r)) || TryPlaceByDisplacing(r);
                    }
                }

                for (var r = 0; r < assign.Length; r++)
                {
                    if (assign[r] >= 0 && pinned[r] < 0)
                    {
                        improved |= TryMove(r);
                    }
                }

                improved |= CloseGaps();
                if (!improved)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// For each person with empty slots between meetings of a session, moves a meeting at either end of
        /// their run into a gap, swapping with a meeting there when the tables are full, if the score improves.
        /// </summary>
        private bool CloseGaps()
        {
            var improved = false;
            for (var p = 0; p < personSlots.Length; p++)
            {
                if (Idle(p) == 0)
                {
                    continue;
                }

                foreach (var session in personSlots[p].Select(s => sessionOf[s]).Distinct().ToList())
                {
                    var mine = personRequests[p].Where(r => sessionOf[assign[r]] == session).OrderBy(r => assign[r]).ToList();
                    if (mine.Count < 2)
                    {
                        continue;
                    }

                    var (first, last) = (assign[mine[0]], assign[mine[^1]]);
                    var gaps = Enumerable.Range(first + 1, last - first - 1).Where(g => !personSlots[p].Contains(g)).ToList();
                    foreach (var r in new[] { mine[0], mine[^1] }.Where(r => pinned[r] < 0))
                    {
                        foreach (var g in gaps)
                        {
                            if (--budget < 0)
                            {
                                return improved;
                            }

                            if (feasible[r].Contains(g) && TrySwap(r, g))
                            {
                                improved = true;
                                goto nextPerson;
                            }
                        }
                    }
                }

            nextPerson:;
            }

            return improved;
        }

        /// <summary>
        /// The last part of the objective alone: with the counts of the others kept, moves a meeting to another free slot,
        /// swaps two meetings' slots, or trades a meeting for an unplaced one of the same person, to close the idle gaps in
        /// people's days. Simulated annealing with a fixed seed (so the result is deterministic): a change that adds gaps is
        /// taken now and then early on, to leave a local optimum; the best schedule seen is kept. A trade is kept only when
        /// coverage, "must meet" meetings and meetings are no fewer, so the score never gets worse.
        /// </summary>
        public void ReduceIdle()
        {
            var candidates = Enumerable.Range(0, assign.Length).Where(r => pinned[r] < 0 && feasible[r].Length > 0).ToArray();
            if (candidates.Length == 0 || idle == 0)
            {
                return;
            }

            var random = new Random(20261201);
            var moves = (int)Math.Min(IdleMovesLimit, (long)IdleMovesPerMeeting * candidates.Length);
            var best = Score;
            var bestAssign = (int[])assign.Clone();
            var changes = new List<(int Request, int From)>();
            for (var i = 0; i < moves && idle > 0; i++)
            {
                var temperature = Math.Max(0.02, 1.5 * (1 - (double)i / moves));
                var before = Score;
                changes.Clear();
                var r = candidates[random.Next(candidates.Length)];
                var done = assign[r] >= 0 ? MoveOrSwap(r, feasible[r][random.Next(feasible[r].Length)], random, changes) : Trade(r, random, changes);
                if (!done)
                {
                    continue;
                }

                var after = Score;
                var worse = (after.Covered, after.MustMeet, after.Meetings).CompareTo((before.Covered, before.MustMeet, before.Meetings)) < 0;
                var delta = after.IdleSlots - before.IdleSlots;
                if (worse || delta > 0 && random.NextDouble() >= Math.Exp(-delta / temperature))
                {
                    Undo(changes);
                }
                else if (after.BetterThan(best))
                {
                    best = after;
                    Array.Copy(assign, bestAssign, assign.Length);
                }
            }

            if (best.BetterThan(Score))
            {
                Restore(bestAssign);
            }
        }

        /// <summary>
        /// Moves <paramref name="r"/> to <paramref name="s"/>, or swaps it with the meeting in its way there (one of its people's,
        /// or any when the tables are full) when that one may take its slot. False, with nothing changed, when neither can be done.
        /// </summary>
        private bool MoveOrSwap(int r, int s, Random random, List<(int, int)> changes)
        {
            var from = assign[r];
            if (s == from)
            {
                return false;
            }

            Remove(r);
            if (CanPlace(r, s))
            {
                Place(r, s);
                changes.Add((r, from));
                return true;
            }

            var there = slotRequests[s].Where(q => attendees[q].Any(attendees[r].Contains)).ToList();
            if (there.Count == 0 && used[s] >= slots[s].Session.Tables)
            {
                there = slotRequests[s];
            }

            if (there.Count > 0 && there[random.Next(there.Count)] is var q && pinned[q] < 0 && Array.BinarySearch(feasible[q], from) >= 0)
            {
                Remove(q);
                if (CanPlace(r, s))
                {
                    Place(r, s);
                    if (CanPlace(q, from))
                    {
                        Place(q, from);
                        changes.Add((r, from));
                        changes.Add((q, s));
                        return true;
                    }

                    Remove(r);
                }

                Place(q, s);
            }

            Place(r, from);
            return false;
        }

        /// <summary>Places the unplaced <paramref name="u"/> in a random slot in place of a meeting of one of its people; false, nothing changed, when that cannot be done.</summary>
        private bool Trade(int u, Random random, List<(int, int)> changes)
        {
            var theirs = attendees[u].SelectMany(p => personRequests[p]).Where(q => pinned[q] < 0).Distinct().ToList();
            if (theirs.Count == 0)
            {
                return false;
            }

            var q = theirs[random.Next(theirs.Count)];
            var s = feasible[u][random.Next(feasible[u].Length)];
            var from = assign[q];
            Remove(q);
            if (CanPlace(u, s))
            {
                Place(u, s);
                changes.Add((q, from));
                changes.Add((u, -1));
                return true;
            }

            Place(q, from);
            return false;
        }

        /// <summary>Puts back the requests a move changed: each to the slot it had (-1: unplaced).</summary>
        private void Undo(List<(int Request, int From)> changes)
        {
            foreach (var (r, _) in changes)
            {
                if (assign[r] >= 0)
                {
                    Remove(r);
                }
            }

            foreach (var (r, from) in changes)
            {
                if (from >= 0)
                {
                    Place(r, from);
                }
            }
        }

        private void Restore(int[] target)
        {
            for (var r = 0; r < assign.Length; r++)
            {
                if (assign[r] >= 0 && assign[r] != target[r])
                {
                    Remove(r);
                }
            }

            for (var r = 0; r < assign.Length; r++)
            {
                if (assign[r] < 0 && target[r] >= 0)
                {
                    Place(r, target[r]);
                }
            }
        }

        /// <summary>Moves <paramref name="r"/> to slot <paramref name="g"/>, or swaps it with a meeting there; kept only if the score improves.</summary>
        private bool TrySwap(int r, int g)
        {
            var before = Score;
            var from = assign[r];
            Remove(r);
            if (CanPlace(r, g))
            {
                Place(r, g);
                if (Score.BetterThan(before))
                {
                    return true;
                }

                Remove(r);
            }

            foreach (var q in slotRequests[g].Where(q => pinned[q] < 0 && feasible[q].Contains(from)).ToList())
            {
                Remove(q);
                if (CanPlace(r, g))
                {
                    Place(r, g);
                    if (CanPlace(q, from))
                    {
                        Place(q, from);
                        if (Score.BetterThan(before))
                        {
                            return true;
                        }

                        Remove(q);
                    }

                    Remove(r);
                }

                Place(q, g);
            }

            Place(r, from);
            return false;
        }

        private bool TryMove(int r)
        {
            var before = Score;
            var from = assign[r];
            Remove(r);
            var to = BestSlot(r);
            Place(r, to >= 0 ? to : from);
            if (Score.BetterThan(before))
            {
                return true;
            }

            if (assign[r] != from)
            {
                Remove(r);
                Place(r, from);
            }

            return false;
        }

        /// <summary>
        /// Places <paramref name="r"/>, moving meetings in its way to other slots (each of them may move others in turn, up
        /// to <paramref name="depth"/> deep). The last meeting of a chain may be left out when <paramref name="mayDrop"/> says
        /// so: for a "must meet" or a first meeting for someone, a meeting that is neither, whose people keep another meeting.
        /// Each success therefore improves the score.
        /// </summary>
        private bool Insert(int r, int depth, Func<int, bool> mayDrop)
        {
            if (TryPlace(r))
            {
                return true;
            }

            if (depth == 0)
            {
                return false;
            }

            foreach (var s in feasible[r])
            {
                foreach (var b in Blockers(r, s))
                {
                    if (--chainBudget < 0)
                    {
                        return false;
                    }

                    var from = assign[b];
                    Remove(b);
                    if (CanPlace(r, s))
                    {
                        Place(r, s);
                        // b may not go back where it was: r is there now.
                        if (Insert(b, depth - 1, mayDrop) || mayDrop(b))
                        {
                            return true;
                        }

                        Remove(r);
                    }

                    Place(b, from);
                }
            }

            return false;
        }

        /// <summary>For <see cref="Insert"/>: whether placing <paramref name="r"/> is worth leaving out an (unplaced) meeting, and which.</summary>
        private Func<int, bool> Droppable(int r)
        {
            var gains = problem.Requests[r].MustMeet || attendees[r].Any(p => asked[p] && count[p] == 0);
            return b => gains && !problem.Requests[b].MustMeet && attendees[b].All(p => !asked[p] || count[p] > 0);
        }

        private bool TryPlaceByDisplacing(int r)
        {
            if (TryPlace(r))
            {
                return true;
            }

            // Taking another meeting's place gains only a person covered or a "must meet", unless the other can go to a free table.
            if (!problem.Requests[r].MustMeet && !attendees[r].Any(p => asked[p] && count[p] == 0) && meetings >= totalTables)
            {
                return false;
            }

            var before = Score;
            foreach (var s in feasible[r])
            {
                foreach (var b in Blockers(r, s))
                {
                    if (--budget < 0)
                    {
                        return false;
                    }

                    var from = assign[b];
                    Remove(b);
                    if (CanPlace(r, s))
                    {
                        Place(r, s);
                        var moved = TryPlace(b);
                        if (Score.BetterThan(before))
                        {
                            return true;
                        }

                        if (moved)
                        {
                            Remove(b);
                        }

                        Remove(r);
                    }

                    Place(b, from);
                }
            }

            // Then every meeting in the way at once (one per busy attendee, and one for the table), each placed again where it can go.
            foreach (var s in feasible[r])
            {
                if (--budget < 0)
                {
                    return false;
                }

                var way = InTheWay(r, s);
                if (way is null || way.Count < 2)
                {
                    continue;
                }

                var from = way.Select(b => assign[b]).ToArray();
                foreach (var b in way)
                {
                    Remove(b);
                }

                if (CanPlace(r, s))
                {
                    Place(r, s);
                    var moved = way.Where(TryPlace).ToList();
                    if (Score.BetterThan(before))
                    {
                        return true;
                    }

                    moved.ForEach(Remove);
                    Remove(r);
                }

                for (var i = 0; i < way.Count; i++)
                {
                    Place(way[i], from[i]);
                }
            }

            return false;
        }

        /// <summary>
        /// The fewest placed meetings whose removal lets <paramref name="r"/> into slot <paramref name="s"/>: each attendee's
        /// meeting that clashes with it (or, at their cap, their last), and one meeting of the slot when its tables are full;
        /// null when a pinned meeting is in the way.
        /// </summary>
        private List<int>? InTheWay(int r, int s)
        {
            var way = new List<int>();
            foreach (var p in attendees[r])
            {
                var clashing = personRequests[p].Where(b => conflict[s, assign[b]]).ToList();
                if (clashing.Count == 0 && count[p] >= caps[p] && personRequests[p].Count > 0)
                {
                    clashing.Add(personRequests[p][^1]);
                }

                way.AddRange(clashing.Where(b => !way.Contains(b)));
            }

            var freed = way.Count(b => assign[b] == s);
            if (used[s] - freed >= slots[s].Session.Tables)
            {
                var least = slotRequests[s].Where(b => !way.Contains(b) && pinned[b] < 0)
                    .OrderBy(b => problem.Requests[b].MustMeet).ThenByDescending(b => feasible[b].Length).FirstOrDefault(-1);
                if (least < 0)
                {
                    return null;
                }

                way.Add(least);
            }

            return way.Any(b => pinned[b] >= 0) ? null : way;
        }

        /// <summary>Placed meetings (not pinned) whose removal could let <paramref name="r"/> into slot <paramref name="s"/>.</summary>
        private List<int> Blockers(int r, int s)
        {
            var blockers = new SortedSet<int>();
            if (used[s] >= slots[s].Session.Tables)
            {
                blockers.UnionWith(slotRequests[s]);
            }

            foreach (var p in attendees[r])
            {
                blockers.UnionWith(personRequests[p].Where(b => count[p] >= caps[p] || conflict[s, assign[b]]));
            }

            blockers.RemoveWhere(b => pinned[b] >= 0);
            return [.. blockers];
        }

        /// <summary>Branch and bound over every request's slot or none; keeps the current answer unless a better one is proven within the limit.</summary>
        public void TryExact(int nodeLimit)
        {
            var best = Score;
            var bestAssign = (int[])assign.Clone();
            for (var r = 0; r < assign.Length; r++)
            {
                if (assign[r] >= 0)
                {
                    Remove(r);
                }
            }

            var order = Enumerable.Range(0, assign.Length).OrderByDescending(r => pinned[r] >= 0).ThenBy(r => feasible[r].Length).ToArray();
            var nodes = 0;

            void Search(int depth)
            {
                if (++nodes > nodeLimit)
                {
                    return;
                }

                if (depth == order.Length)
                {
                    if (Score.BetterThan(best))
                    {
                        best = Score;
                        assign.CopyTo(bestAssign, 0);
                    }

                    return;
                }

                if (!Bound(order, depth).BetterThan(best))
                {
                    return;
                }

                var r = order[depth];
                var placed = false;
                foreach (var s in pinned[r] >= 0 ? [pinned[r]] : feasible[r])
                {
                    if (CanPlace(r, s))
                    {
                        placed = true;
                        Place(r, s);
                        Search(depth + 1);
                        Remove(r);
                    }
                }

                // A pinned meeting is left out only when its slot cannot take it.
                if (pinned[r] < 0 || !placed)
                {
                    Search(depth + 1);
                }
            }

            Search(0);
            for (var r = 0; r < bestAssign.Length; r++)
            {
                if (bestAssign[r] >= 0)
                {
                    Place(r, bestAssign[r]);
                }
            }
        }

        /// <summary>The best score still reachable: every remaining request placed, with no idle slots added.</summary>
        private MeetingScore Bound(int[] order, int depth)
        {
            var uncovered = new HashSet<int>();
            var (mustLeft, left) = (0, 0);
            for (var i = depth; i < order.Length; i++)
            {
                var r = order[i];
                if (feasible[r].Length == 0 && pinned[r] < 0)
                {
                    continue;
                }

                left++;
                mustLeft += problem.Requests[r].MustMeet ? 1 : 0;
                foreach (var p in attendees[r].Where(p => asked[p] && count[p] == 0))
                {
                    uncovered.Add(p);
                }
            }

            // Idle slots never shrink as meetings are added to a person's session span, except by filling it: bound with 0.
            return new MeetingScore(covered + uncovered.Count, must + mustLeft, meetings + left, 0);
        }

        public MeetingSchedule Result()
        {
            var placed = new List<PlacedMeeting>();
            var tables = new int[slots.Length];
            for (var r = 0; r < assign.Length; r++)
            {
                if (assign[r] is var s and >= 0)
                {
                    placed.Add(new PlacedMeeting(problem.Requests[r].Id, slots[s].Session.Id, slots[s].Slot.Id, ++tables[s]));
                }
            }

            var unplaced = Enumerable.Range(0, assign.Length).Where(r => assign[r] < 0).Select(Explain).ToList();
            return new MeetingSchedule(placed, unplaced, Score);
        }

        private UnplacedMeeting Explain(int r)
        {
            var id = problem.Requests[r].Id;
            var options = pinned[r] >= 0 ? [pinned[r]] : feasible[r];
            if (options.Length == 0)
            {
                // Someone free in no slot at all is named; otherwise they are free, but never at the same time.
                var never = attendees[r].FirstOrDefault(p => !Enumerable.Range(0, slots.Length).Any(s => Free(problem.Attendees[p], At(s), problem.Travel)), -1);
                return new UnplacedMeeting(id, MeetingReason.NoCommonFreeSlot, never >= 0 ? problem.Attendees[never].Id : null);
            }

            if (attendees[r].FirstOrDefault(p => count[p] >= caps[p], -1) is var capped and >= 0)
            {
                return new UnplacedMeeting(id, MeetingReason.CapReached, problem.Attendees[capped].Id);
            }

            if (options.All(s => used[s] >= slots[s].Session.Tables))
            {
                return new UnplacedMeeting(id, MeetingReason.TablesFull, null);
            }

            var taken = attendees[r].FirstOrDefault(p => options.All(s => used[s] >= slots[s].Session.Tables || personSlots[p].Any(t => conflict[s, t])), -1);
            return new UnplacedMeeting(id, MeetingReason.AttendeeTaken, taken >= 0 ? problem.Attendees[taken].Id : null);
        }
    }
}
