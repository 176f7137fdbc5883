using System.Diagnostics;

namespace MissionPlanner.Bench;

/// <summary>Load shapes and statistics shared by the benchmarks.</summary>
internal static class Load
{
    /// <summary>
    /// Open loop: the i-th call leaves at i / rate seconds whether or not earlier ones finished, and
    /// its latency counts from that scheduled time, so queueing is not hidden. The first
    /// <paramref name="leadInSeconds"/> run at the same rate unrecorded, as load generators such as
    /// wrk2 calibrate first: from idle, the first fraction of a second otherwise measures the client
    /// and server ramping up (new connections, thread pool growth) rather than the rate itself.
    /// </summary>
    public static async Task<(List<double> Ms, int Errors)> OpenLoopAsync(int rate, int seconds, Func<int, Task<bool>> work, int leadInSeconds = 2)
    {
        var skip = rate * leadInSeconds;
        var total = skip + rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        GC.Collect(); // the load generator's own garbage, left from earlier phases, is not collected mid-measurement
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                if (!await work(index) && index >= skip)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(tasks);
        return (latencies.Skip(skip).ToList(), errors);
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
