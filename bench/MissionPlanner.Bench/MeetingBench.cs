using System.Diagnostics;
using System.Globalization;
using System.Text;
using MissionPlanner.Scheduling;

namespace MissionPlanner.Bench;

/// <summary>
/// The B2B meeting solver against the exact optimum of the same objective, found by Debian's
/// coinor-cbc from the integer programme written as an LP file (here, never at run time). The
/// objective is lexicographic, so cbc solves it in four stages, each keeping the optimum of the one
/// before: delegates who asked and got a meeting; "must meet" meetings; meetings; fewest idle slots.
/// Instances come from a seed: sessions of up to 8 slots (20 minutes, 5-minute breaks) on the
/// mission's mornings and afternoons; each delegate's programme (a plenary morning, lab tours and
/// company visits 30 minutes from the hall); counterparts' stated availability; caps; popular
/// counterparts; some must-meets and some meetings of two colleagues with one counterpart.
/// </summary>
internal static class MeetingBench
{
    private static readonly DateTime Monday = new(2027, 1, 18, 0, 0, 0, DateTimeKind.Utc);

    public static async Task RunAsync(string[] args)
    {
        var seed = args.Contains("--seed") ? int.Parse(args[Array.IndexOf(args, "--seed") + 1], CultureInfo.InvariantCulture) : 7;
        var maxRequests = args.Contains("--max-requests") ? int.Parse(args[Array.IndexOf(args, "--max-requests") + 1], CultureInfo.InvariantCulture) : 5000;
        (int Delegates, int Counterparts, int Requests, int Slots, int Tables)[] all = [(40, 30, 200, 12, 8), (150, 120, 1000, 24, 20), (500, 400, 5000, 32, 40)];
        Console.WriteLine($"B2B meeting scheduling: solver vs the optimum found by coinor-cbc (seed {seed}); objective in order: covered (asked and got ≥ 1), must-meets, meetings, idle slots (fewer is better)");
        Console.WriteLine("An optimum cbc proved is shown as is; where it stopped on its time limit, its bound (≤ for a maximum, ≥ for a minimum) is shown with the best it found, and the ratio against the bound is a lower bound on the true ratio.");
        Console.WriteLine("| instance | solver s | solver: covered / must / meetings / idle | optimum: covered / must / meetings / idle | cbc s | covered ratio | must ratio | meetings ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (delegates, counterparts, requests, slots, tables) in all.Where(s => s.Requests <= maxRequests))
        {
            var problem = Generate(seed, delegates, counterparts, requests, slots, tables);
            MeetingSolver.Solve(problem); // warm-up (JIT)
            var sw = Stopwatch.StartNew();
            var schedule = MeetingSolver.Solve(problem);
            var seconds = sw.Elapsed.TotalSeconds;
            var (stages, cbcSeconds) = await OptimumAsync(problem, TimeSpan.FromSeconds(requests >= 5000 ? 300 : requests >= 1000 ? 60 : 20));
            var s = schedule.Score;
            string Shown(string stage)
            {
                if (!stages.TryGetValue(stage, out var r))
                {
                    return "—";
                }

                var bound = stage == "idle" ? $"≥ {Math.Ceiling(r.Bound - 1e-6):0}" : $"≤ {Math.Floor(r.Bound + 1e-6):0}";
                return r.Optimal ? $"{r.Found}" : $"{bound} (found {(r.Found is { } f ? f.ToString(CultureInfo.InvariantCulture) : "none")})";
            }

            string Ratio(int ours, string stage)
            {
                if (!stages.TryGetValue(stage, out var r))
                {
                    return "—";
                }

                var best = r.Optimal ? r.Found!.Value : Math.Floor(r.Bound + 1e-6);
                var ratio = best <= 0 ? 1.0 : ours / best;
                return (r.Optimal ? "" : "≥ ") + ratio.ToString("F3", CultureInfo.InvariantCulture);
            }

            Console.WriteLine($"| {delegates} delegates × {counterparts} counterparts × {requests} requests × {slots} slots × {tables} tables | {seconds:F2} | " +
                              $"{s.Covered} / {s.MustMeet} / {s.Meetings} / {s.IdleSlots} | " +
                              $"{Shown("covered")} / {Shown("must")} / {Shown("meetings")} / {Shown("idle")} | {cbcSeconds:F1} | " +
                              $"{Ratio(s.Covered, "covered")} | {Ratio(s.MustMeet, "must")} | {Ratio(s.Meetings, "meetings")} |");
        }

        Console.WriteLine();
    }

    internal static MeetingProblem Generate(int seed, int delegates, int counterparts, int requests, int slots, int tables)
    {
        var random = new Random(seed * 104_729 + requests);
        var sessionCount = (slots + 7) / 8;
        var perSession = slots / sessionCount;
        var sessions = Enumerable.Range(0, sessionCount).Select(k =>
        {
            var start = Monday.AddDays(k / 2).AddHours(k % 2 == 0 ? 9 : 14);
            return new MeetingSession($"s{k}", "hall", Enumerable.Range(0, perSession + (k < slots % sessionCount ? 1 : 0))
                .Select(i => new MeetingSlot($"s{k}/{i}", start.AddMinutes(25 * i), start.AddMinutes(25 * i + 20))).ToList(), tables);
        }).ToList();
        var days = (sessionCount + 1) / 2;

        // A delegate's programme: the plenary opening on the first morning for everyone, then tours and visits.
        var people = new List<Attendee>();
        for (var d = 0; d < delegates; d++)
        {
            var busy = new List<Slot> { new(Monday.AddHours(8.5), Monday.AddHours(10.5), "plenary") };
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var start = Monday.AddDays(random.Next(days)).AddHours(9 + random.Next(0, 16) * 0.5);
                busy.Add(new Slot(start, start.AddHours(1.5 + random.Next(0, 3) * 0.5), $"lab{random.Next(6)}"));
            }

            people.Add(new Attendee($"d{d}", busy, null, random.Next(10) < 3 ? random.Next(3, 9) : null, random.Next(10) < 8, random.Next(10) == 0 ? 1 : 0));
        }

        for (var c = 0; c < counterparts; c++)
        {
            List<Slot>? available = null;
            if (random.Next(10) < 6)
            {
                available = Enumerable.Range(0, days).Where(_ => random.Next(3) > 0).Select(day =>
                {
                    var from = Monday.AddDays(day).AddHours(8 + random.Next(0, 8));
                    return new Slot(from, from.AddHours(3 + random.Next(0, 6)), "");
                }).ToList();
            }

            people.Add(new Attendee($"c{c}", [], available, random.Next(10) < 3 ? random.Next(4, 11) : null));
        }

        var pairs = new HashSet<(int, int)>();
        var list = new List<MeetingRequest>();
        while (list.Count < requests)
        {
            var d = random.Next(delegates);
            // Popular counterparts are popular: a skew towards the first ones.
            var c = (int)(counterparts * Math.Pow(random.NextDouble(), 1.6));
            if (!pairs.Add((d, c)))
            {
                continue;
            }

            var colleague = random.Next(20) == 0 ? (d + 1) % delegates : -1;
            var who = colleague >= 0 && !pairs.Contains((colleague, c)) ? new[] { $"d{d}", $"d{colleague}", $"c{c}" } : [$"d{d}", $"c{c}"];
            list.Add(new MeetingRequest($"r{list.Count}", who, random.Next(5) == 0));
        }

        return new MeetingProblem(sessions, people, list, (a, b) => a == b || a.Length == 0 || b.Length == 0 ? 0 : 30);
    }

    /// <summary>What cbc reached in one stage: the best value it found (null: none), its bound, and whether it proved the optimum.</summary>
    private sealed record Stage(int? Found, double Bound, bool Optimal);

    /// <summary>
    /// Solves the integer programme with cbc in four stages, one per part of the objective, each keeping the value the
    /// stage before reached. A stage that finds no integer solution in time ends the run (later stages are unknown).
    /// </summary>
    private static async Task<(Dictionary<string, Stage> Stages, double Seconds)> OptimumAsync(MeetingProblem problem, TimeSpan limitPerStage)
    {
        var slots = problem.Sessions.SelectMany((s, k) => s.Slots.OrderBy(x => x.Start).Select((x, i) => (Session: k, Index: i, Slot: x, s.Tables, s.Venue))).ToList();
        var people = problem.Attendees.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        bool Clear(Slot a, Slot b) => a.End.AddMinutes(problem.Travel(a.Venue, b.Venue)) <= b.Start || b.End.AddMinutes(problem.Travel(b.Venue, a.Venue)) <= a.Start;
        bool Free(Attendee p, Slot s) => p.Busy.All(b => Clear(b, s)) && (p.Available is null || p.Available.Any(a => a.Start <= s.Start && s.End <= a.End));
        var x = new List<(int R, int S)>();
        for (var r = 0; r < problem.Requests.Count; r++)
        {
            for (var s = 0; s < slots.Count; s++)
            {
                var at = new Slot(slots[s].Slot.Start, slots[s].Slot.End, slots[s].Venue);
                if (problem.Requests[r].Attendees.All(a => Free(problem.Attendees[people[a]], at)))
                {
                    x.Add((r, s));
                }
            }
        }

        var byPerson = x.SelectMany(v => problem.Requests[v.R].Attendees.Select(a => (P: people[a], V: v))).ToLookup(t => t.P, t => t.V);
        string X((int R, int S) v) => $"x_{v.R}_{v.S}";
        var constraints = new StringBuilder();
        foreach (var r in x.GroupBy(v => v.R))
        {
            constraints.Append(CultureInfo.InvariantCulture, $" once_{r.Key}: {string.Join(" + ", r.Select(X))} <= 1\n");
        }

        foreach (var s in x.GroupBy(v => v.S))
        {
            constraints.Append(CultureInfo.InvariantCulture, $" tables_{s.Key}: {string.Join(" + ", s.Select(X))} <= {slots[s.Key].Tables}\n");
        }

        var asked = new List<int>();
        foreach (var p in byPerson)
        {
            foreach (var s in p.GroupBy(v => v.S).Where(g => g.Count() > 1))
            {
                constraints.Append(CultureInfo.InvariantCulture, $" one_{p.Key}_{s.Key}: {string.Join(" + ", s.Select(X))} <= 1\n");
            }

            if (problem.Attendees[p.Key].Cap is { } cap)
            {
                constraints.Append(CultureInfo.InvariantCulture, $" cap_{p.Key}: {string.Join(" + ", p.Select(X))} <= {cap}\n");
            }

            if (problem.Attendees[p.Key].AskedForMeetings)
            {
                asked.Add(p.Key);
                constraints.Append(CultureInfo.InvariantCulture, $" cov_{p.Key}: c_{p.Key} - {string.Join(" - ", p.Select(X))} <= 0\n");
            }
        }

        // Idle slots: per person and session, f (a meeting at or before t) rises, l (a meeting at or after t) falls; the span is where both hold.
        var idle = new StringBuilder();
        var spanTerms = new List<string>();
        var meetingTerms = new List<string>();
        foreach (var p in byPerson)
        {
            foreach (var session in p.GroupBy(v => slots[v.S].Session))
            {
                var indices = slots.Select((s, i) => (s, i)).Where(t => t.s.Session == session.Key).Select(t => t.i).ToList();
                var z = session.GroupBy(v => v.S).ToDictionary(g => g.Key, g => string.Join(" + ", g.Select(X)));
                for (var k = 0; k < indices.Count; k++)
                {
                    var t = indices[k];
                    var name = $"{p.Key}_{t}";
                    if (z.TryGetValue(t, out var sum))
                    {
                        idle.Append(CultureInfo.InvariantCulture, $" fz_{name}: f_{name} - {sum.Replace(" + ", " - ", StringComparison.Ordinal)} >= 0\n");
                        idle.Append(CultureInfo.InvariantCulture, $" lz_{name}: l_{name} - {sum.Replace(" + ", " - ", StringComparison.Ordinal)} >= 0\n");
                        meetingTerms.Add(sum);
                    }

                    if (k > 0)
                    {
                        idle.Append(CultureInfo.InvariantCulture, $" fm_{name}: f_{name} - f_{p.Key}_{indices[k - 1]} >= 0\n");
                        idle.Append(CultureInfo.InvariantCulture, $" lm_{name}: l_{p.Key}_{indices[k - 1]} - l_{name} >= 0\n");
                    }

                    idle.Append(CultureInfo.InvariantCulture, $" sp_{name}: g_{name} - f_{name} - l_{name} >= -1\n");
                    spanTerms.Add($"g_{name}");
                }
            }
        }

        var must = x.Where(v => problem.Requests[v.R].MustMeet).Select(X).ToList();
        var covered = asked.Select(p => $"c_{p}").ToList();
        var all = x.Select(X).ToList();
        var dir = Directory.CreateTempSubdirectory("mp-cbc-meetings-").FullName;
        var sw = Stopwatch.StartNew();
        var fixedSoFar = new StringBuilder();
        var stages = new Dictionary<string, Stage>();
        foreach (var (stage, sense, terms, withIdle) in new[]
                 {
                     ("covered", "Maximize", covered, false), ("must", "Maximize", must, false), ("meetings", "Maximize", all, false),
                     ("idle", "Minimize", spanTerms, true),
                 })
        {
            if (terms.Count == 0)
            {
                continue;
            }

            // Idle = span − meetings, per person and session; a meeting counts once for each of its people.
            var objective = stage == "idle"
                ? string.Join(" + ", spanTerms) + string.Concat(meetingTerms.SelectMany(m => m.Split(" + ")).GroupBy(v => v)
                    .Select(g => string.Create(CultureInfo.InvariantCulture, $" - {g.Count()} {g.Key}")))
                : string.Join(" + ", terms);
            var lp = new StringBuilder($"{sense}\n obj: {objective}\nSubject To\n").Append(constraints).Append(fixedSoFar);
            if (withIdle)
            {
                lp.Append(idle);
            }

            lp.Append("Bounds\n");
            if (withIdle)
            {
                foreach (var v in spanTerms)
                {
                    var name = v[2..];
                    lp.Append(CultureInfo.InvariantCulture, $" 0 <= f_{name} <= 1\n 0 <= l_{name} <= 1\n 0 <= g_{name} <= 1\n");
                }
            }

            lp.Append("Binary\n");
            foreach (var v in all.Concat(covered))
            {
                lp.Append(' ').Append(v).Append('\n');
            }

            lp.Append("End\n");
            var file = Path.Combine(dir, $"{stage}.lp");
            var solution = Path.Combine(dir, $"{stage}.sol");
            await File.WriteAllTextAsync(file, lp.ToString());
            string output;
            using (var cbc = Process.Start(new ProcessStartInfo("cbc", [file, "sec", ((int)limitPerStage.TotalSeconds).ToString(CultureInfo.InvariantCulture), "solve", "solu", solution])
            { RedirectStandardOutput = true, RedirectStandardError = true })!)
            {
                output = await cbc.StandardOutput.ReadToEndAsync();
                await cbc.WaitForExitAsync();
            }

            var lines = File.Exists(solution) ? await File.ReadAllLinesAsync(solution) : ["no solution"];
            var optimal = lines[0].StartsWith("Optimal", StringComparison.Ordinal);
            var integer = optimal || lines[0].StartsWith("Stopped", StringComparison.Ordinal) && !lines[0].Contains("no integer solution", StringComparison.Ordinal);
            var values = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 3)
                .ToDictionary(p => p[1], p => double.Parse(p[2], CultureInfo.InvariantCulture));
            int? found = !integer ? null
                : stage == "idle" ? Score(problem, slots.Select(t => t.Session).ToList(), x.Where(v => values.GetValueOrDefault(X(v)) > 0.5).ToList()).IdleSlots
                : (int)Math.Round(terms.Sum(t => values.GetValueOrDefault(t)));
            // cbc minimises internally: a maximum's bound is printed negated.
            var bound = optimal ? found!.Value : Bound(output, "Lower bound:") ?? Bound(output, "Continuous objective value is") ?? double.NaN;
            // Idle slots are never negative, whatever the relaxation says.
            stages[stage] = new Stage(found, stage == "idle" ? Math.Max(0, bound) : Math.Abs(bound), optimal);
            if (found is not { } reached)
            {
                break;
            }

            if (stage != "idle")
            {
                fixedSoFar.Append(CultureInfo.InvariantCulture, $" keep_{stage}: {string.Join(" + ", terms)} >= {reached}\n");
            }
        }

        var seconds = sw.Elapsed.TotalSeconds;
        Directory.Delete(dir, recursive: true);
        return (stages, seconds);
    }

    private static double? Bound(string output, string label) =>
        output.Split('\n').Where(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal))
            .Select(l => l.TrimStart()[label.Length..].Trim().Split(' ')[0]).Select(v => double.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : (double?)null)
            .LastOrDefault(d => d is not null);

    /// <summary>Scores a set of placements as <see cref="MeetingSolver"/> does.</summary>
    private static MeetingScore Score(MeetingProblem problem, IReadOnlyList<int> sessionOfSlot, IReadOnlyList<(int R, int S)> placed)
    {
        var byPerson = placed.SelectMany(v => problem.Requests[v.R].Attendees.Select(a => (a, v.S))).ToLookup(t => t.a, t => t.S);
        var covered = problem.Attendees.Count(a => a.AskedForMeetings && byPerson[a.Id].Any());
        var idle = byPerson.Sum(p => p.GroupBy(s => sessionOfSlot[s]).Sum(g => g.Max() - g.Min() + 1 - g.Count()));
        return new MeetingScore(covered, placed.Count(v => problem.Requests[v.R].MustMeet), placed.Count, idle);
    }
}
