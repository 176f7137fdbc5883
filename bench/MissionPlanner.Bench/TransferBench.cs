using System.Globalization;
using MissionPlanner.Domain.Travel;

namespace MissionPlanner.Bench;

/// <summary>
/// Transfer proposals (<see cref="TransferPlanner"/>) against the exact fewest vehicles for the same arrivals, found by
/// dynamic programming over the arrivals in time order (an optimal grouping can always be taken in runs of consecutive
/// arrivals), and against sorting the arrival times alone as the baseline of the same run. Arrivals come from a seed:
/// waves of flights and trains over two days, each bringing 1–12 delegates within a few minutes.
/// </summary>
internal static class TransferBench
{
    private static readonly DateTime Day = new(2027, 1, 17, 6, 0, 0, DateTimeKind.Utc);

    public static Task RunAsync(string[] args)
    {
        var seed = args.Contains("--seed") ? int.Parse(args[Array.IndexOf(args, "--seed") + 1], CultureInfo.InvariantCulture) : 7;
        Console.WriteLine($"Transfer proposals: planner vs the fewest vehicles (exact, by dynamic programming), 8-seat vehicles, 45 minutes' longest wait (seed {seed}); " +
                          "median of 21 runs after 5 warm-ups");
        Console.WriteLine("| delegates | baseline: sort the arrival times, ms | planner ms | ratio to baseline | planner vehicles | fewest vehicles | fewest / planner |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var people in new[] { 200, 1000, 5000 })
        {
            var arrivals = Generate(seed, people);
            var sort = Timing.MedianMilliseconds(() => arrivals.Select(a => a.ReadyAt).Order().ToList());
            var plan = Timing.MedianMilliseconds(() => TransferPlanner.Propose(TransferDirection.FromHub, arrivals, 8, TimeSpan.FromMinutes(45)));
            var runs = TransferPlanner.Propose(TransferDirection.FromHub, arrivals, 8, TimeSpan.FromMinutes(45)).Count;
            var fewest = Fewest(arrivals.Select(a => a.ReadyAt).Order().ToList(), 8, TimeSpan.FromMinutes(45));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {people} | {sort:F3} | {plan:F3} | {plan / sort:F2} | {runs} | {fewest} | {(double)fewest / runs:F3} |"));
        }

        Console.WriteLine();
        return Task.CompletedTask;
    }

    /// <summary>fewest[i] = fewest vehicles for the first i arrivals: the last vehicle takes arrivals j..i−1 when they fit in seats and wait.</summary>
    private static int Fewest(IReadOnlyList<DateTime> sorted, int capacity, TimeSpan maxWait)
    {
        var fewest = new int[sorted.Count + 1];
        for (var i = 1; i <= sorted.Count; i++)
        {
            fewest[i] = int.MaxValue;
            for (var j = i - 1; j >= 0 && i - j <= capacity && sorted[i - 1] - sorted[j] <= maxWait; j--)
            {
                fewest[i] = Math.Min(fewest[i], fewest[j] + 1);
            }
        }

        return fewest[sorted.Count];
    }

    internal static List<(Guid Person, DateTime ReadyAt)> Generate(int seed, int people)
    {
        var random = new Random(seed * 7919 + people);
        var arrivals = new List<(Guid, DateTime)>();
        while (arrivals.Count < people)
        {
            // A flight or train lands between 06:00 on the first day and 22:00 on the second; its passengers are ready within 20 minutes.
            var landing = Day.AddMinutes(random.Next(0, 40 * 60));
            for (var k = random.Next(1, 13); k > 0 && arrivals.Count < people; k--)
            {
                arrivals.Add((Guid.NewGuid(), landing.AddMinutes(random.Next(0, 20))));
            }
        }

        return arrivals;
    }
}
