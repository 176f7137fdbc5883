using System.Diagnostics;

namespace MissionPlanner.Bench;

/// <summary>Timing of in-process work for the benchmarks that call the domain directly (rooms, transfers).</summary>
internal static class Timing
{
    /// <summary>The median of 21 timed runs of <paramref name="work"/> after 5 untimed ones (the JIT), in milliseconds.</summary>
    public static double MedianMilliseconds(Action work)
    {
        for (var i = 0; i < 5; i++)
        {
            work();
        }

        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var sw = Stopwatch.StartNew();
            work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
