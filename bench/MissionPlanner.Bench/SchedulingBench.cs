using System.Diagnostics;
using System.Globalization;
using System.Text;
using MissionPlanner.Scheduling;

namespace MissionPlanner.Bench;

/// <summary>
/// The visit solver against the true optimum of the same objective, found by Debian's coinor-cbc
/// from the integer programme written as an LP file (here, never at run time). Instances are
/// generated from a seed: visits of 6–12 places with some minimum sizes, 2–6 slots across a day,
/// a fifth of the visits screened, three ranked choices each, part of the delegation busy.
/// </summary>
internal static class SchedulingBench
{
    private static readonly DateTime Day = new(2027, 1, 20, 8, 0, 0, DateTimeKind.Utc);

    public static async Task RunAsync(string[] args)
    {
        var seed = args.Contains("--seed") ? int.Parse(args[Array.IndexOf(args, "--seed") + 1], CultureInfo.InvariantCulture) : 7;
        var maxPeople = args.Contains("--max-people") ? int.Parse(args[Array.IndexOf(args, "--max-people") + 1], CultureInfo.InvariantCulture) : 1000;
        (int People, int Visits, int Slots)[] all = [(40, 8, 2), (200, 20, 4), (1000, 30, 6)];
        var sizes = all.Where(s => s.People <= maxPeople).ToList();
        Console.WriteLine($"Visit scheduling: solver vs the optimum found by coinor-cbc (seed {seed}); cost = 10,000 × people without a top choice + total rank");
        Console.WriteLine("| instance | solver s | solver cost (no top choice) | optimum cost (no top choice) | cbc s | optimum / solver |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (people, visits, slots) in sizes)
        {
            var problem = Generate(seed, people, visits, slots);
            VisitSolver.Solve(problem); // warm-up (JIT)
            var sw = Stopwatch.StartNew();
            var schedule = VisitSolver.Solve(problem);
            var solverSeconds = sw.Elapsed.TotalSeconds;
            var (optimum, status, cbcSeconds) = await OptimumAsync(problem, TimeSpan.FromSeconds(people >= 1000 ? 600 : 120));
            var ours = Cost(schedule.Score);
            Console.Out.Flush();
            Console.WriteLine($"| {people} people × {visits} visits × {slots} slots | {solverSeconds:F2} | {ours} ({schedule.Score.WithoutTopChoice}) | " +
                              $"{(optimum is { } o ? $"{Cost(o)} ({o.WithoutTopChoice})" : "—")}{(status == "Optimal" ? "" : $" [{status}]")} | {cbcSeconds:F1} | " +
                              $"{(optimum is { } best ? ((double)Cost(best) / ours).ToString("F3", CultureInfo.InvariantCulture) : "—")} |");
        }

        Console.WriteLine();
    }

    private static long Cost(Score score) => 10_000L * score.WithoutTopChoice + score.TotalRank;

    internal static SchedulingProblem Generate(int seed, int people, int visits, int slots)
    {
        var random = new Random(seed * 7919 + people);
        var venues = Enumerable.Range(0, Math.Max(3, visits / 3)).Select(v => $"venue{v}").ToArray();
        var visitList = Enumerable.Range(0, visits).Select(v =>
        {
            var venue = venues[random.Next(venues.Length)];
            var size = random.Next(6, 13);
            var min = random.Next(0, 3) == 0 ? 3 : 0;
            var length = random.Next(1, 3);
            var groups = Enumerable.Range(0, slots).Select(s =>
            {
                var from = Day.AddHours(s * 10.0 / slots + random.Next(0, 2) * 0.5);
                return new VisitGroup($"v{v}s{s}", new Slot(from, from.AddHours(length), venue), min, size);
            }).ToList();
            return new Visit($"v{v}", $"Visit {v}", groups, random.Next(0, 5) == 0 ? new HashSet<string> { "id" } : new HashSet<string>());
        }).ToList();
        // Popular visits are popular: preferences lean towards the first third.
        var participants = Enumerable.Range(0, people).Select(p =>
        {
            var ranked = visitList.Select(v => (v.Id, Key: random.NextDouble() * (1 + int.Parse(v.Id[1..], CultureInfo.InvariantCulture) * 3.0 / visits)))
                .OrderBy(x => x.Key).Take(3).Select(x => x.Id).ToList();
            var busy = random.Next(0, 4) == 0
                ? new List<Slot> { new(Day.AddHours(random.Next(0, 9)), Day.AddHours(random.Next(0, 9)).AddHours(1.5), venues[random.Next(venues.Length)]) }
                : [];
            return new Participant($"p{p:D4}", ranked, random.Next(0, 10) < 7 ? new HashSet<string> { "id" } : new HashSet<string>(), busy, []);
        }).ToList();
        return new SchedulingProblem(visitList, participants, (a, b) => a == b ? 0 : 30);
    }

    /// <summary>Writes the integer programme, runs cbc on it and scores its solution the way the solver is scored.</summary>
    private static async Task<(Score? Optimum, string Status, double Seconds)> OptimumAsync(SchedulingProblem problem, TimeSpan limit)
    {
        var dir = Directory.CreateTempSubdirectory("mp-cbc-").FullName;
        var lp = Path.Combine(dir, "visits.lp");
        var solution = Path.Combine(dir, "visits.sol");
        var people = problem.Participants;
        var groups = problem.Visits.SelectMany(v => v.Groups.Select(g => (Group: g, Visit: v))).ToList();
        bool Clash(Slot a, Slot b) => a.Start < b.End.AddMinutes(problem.Travel(b.Venue, a.Venue)) && b.Start < a.End.AddMinutes(problem.Travel(a.Venue, b.Venue));
        var pairs = new List<(int P, int G, int Rank)>();
        for (var p = 0; p < people.Count; p++)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                var rank = people[p].Preferences.ToList().IndexOf(groups[g].Visit.Id) + 1;
                if (rank > 0 && groups[g].Visit.Requirements.All(people[p].Satisfies.Contains) && !people[p].Busy.Any(b => Clash(b, groups[g].Group.Slot)))
                {
                    pairs.Add((p, g, rank));
                }
            }
        }

        const long big = 10_000;
        var text = new StringBuilder("Minimize\n obj:");
        foreach (var (p, g, rank) in pairs)
        {
            // Constant terms dropped: unplaced costs (prefs + 1), so placing saves (prefs + 1 - rank); having a top choice saves big.
            text.Append(CultureInfo.InvariantCulture, $" - {people[p].Preferences.Count + 1 - rank} x_{p}_{g}");
        }

        for (var p = 0; p < people.Count; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $" - {big} t_{p}");
        }

        text.Append("\nSubject To\n");
        foreach (var group in pairs.GroupBy(x => x.G))
        {
            var sum = string.Join(" + ", group.Select(x => $"x_{x.P}_{x.G}"));
            text.Append(CultureInfo.InvariantCulture, $" cap_{group.Key}: {sum} - {groups[group.Key].Group.MaxSize} y_{group.Key} <= 0\n");
            if (groups[group.Key].Group.MinSize > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" min_{group.Key}: {sum} - {groups[group.Key].Group.MinSize} y_{group.Key} >= 0\n");
            }
        }

        foreach (var person in pairs.GroupBy(x => x.P))
        {
            text.Append(CultureInfo.InvariantCulture, $" one_{person.Key}: {string.Join(" + ", person.Select(x => $"x_{x.P}_{x.G}"))} <= {problem.VisitsPerParticipant}\n");
            var top = person.Where(x => x.Rank <= problem.TopChoices).ToList();
            text.Append(CultureInfo.InvariantCulture, $" top_{person.Key}: t_{person.Key}{string.Concat(top.Select(x => $" - x_{x.P}_{x.G}"))} <= 0\n");
            var mine = person.ToList();
            for (var a = 0; a < mine.Count; a++)
            {
                for (var b = a + 1; b < mine.Count; b++)
                {
                    if (groups[mine[a].G].Visit == groups[mine[b].G].Visit || Clash(groups[mine[a].G].Group.Slot, groups[mine[b].G].Group.Slot))
                    {
                        text.Append(CultureInfo.InvariantCulture, $" c_{person.Key}_{mine[a].G}_{mine[b].G}: x_{person.Key}_{mine[a].G} + x_{person.Key}_{mine[b].G} <= 1\n");
                    }
                }
            }
        }

        for (var p = 0; p < people.Count; p++)
        {
            if (pairs.All(x => x.P != p))
            {
                text.Append(CultureInfo.InvariantCulture, $" none_{p}: t_{p} <= 0\n");
            }
        }

        text.Append("Binary\n");
        foreach (var (p, g, _) in pairs)
        {
            text.Append(CultureInfo.InvariantCulture, $" x_{p}_{g}\n");
        }

        foreach (var g in pairs.Select(x => x.G).Distinct())
        {
            text.Append(CultureInfo.InvariantCulture, $" y_{g}\n");
        }

        for (var p = 0; p < people.Count; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $" t_{p}\n");
        }

        text.Append("End\n");
        await File.WriteAllTextAsync(lp, text.ToString());

        var sw = Stopwatch.StartNew();
        using (var cbc = Process.Start(new ProcessStartInfo("cbc", [lp, "sec", ((int)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture), "solve", "solu", solution])
        { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            await cbc.StandardOutput.ReadToEndAsync();
            await cbc.WaitForExitAsync();
        }

        var seconds = sw.Elapsed.TotalSeconds;
        if (!File.Exists(solution))
        {
            return (null, "no solution", seconds);
        }

        var lines = await File.ReadAllLinesAsync(solution);
        var status = lines[0].StartsWith("Optimal", StringComparison.Ordinal) ? "Optimal" : lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var chosen = new Dictionary<int, List<int>>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && parts[1].StartsWith("x_", StringComparison.Ordinal) && double.Parse(parts[2], CultureInfo.InvariantCulture) > 0.5)
            {
                var ids = parts[1].Split('_');
                var p = int.Parse(ids[1], CultureInfo.InvariantCulture);
                (chosen.TryGetValue(p, out var list) ? list : chosen[p] = []).Add(int.Parse(ids[2], CultureInfo.InvariantCulture));
            }
        }

        var without = 0;
        var total = 0;
        for (var p = 0; p < people.Count; p++)
        {
            var ranks = chosen.GetValueOrDefault(p, []).Select(g => people[p].Preferences.ToList().IndexOf(groups[g].Visit.Id) + 1).ToList();
            without += people[p].Preferences.Count > 0 && !ranks.Any(r => r <= problem.TopChoices) ? 1 : 0;
            var wanted = Math.Min(problem.VisitsPerParticipant, people[p].Preferences.Count);
            total += ranks.Sum() + Math.Max(0, wanted - ranks.Count) * (people[p].Preferences.Count + 1);
        }

        Directory.Delete(dir, recursive: true);
        return (new Score(without, total), status, seconds);
    }
}
