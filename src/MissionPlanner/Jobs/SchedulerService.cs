using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MissionPlanner.Jobs;

/// <summary>Where this node's job scheduler is: still starting, running, or failed to start (with why).</summary>
public enum SchedulerState
{
    Starting,
    Running,
    Failed,
    Stopped,
}

/// <summary>
/// Starts the Quartz scheduler once the host has started, in the background, instead of before the
/// server listens (Quartz's own hosted service creates the scheduler in its start, which cost about
/// 0.5 s of every start: the job store, its types and the jobs' triggers). Requests never need the
/// scheduler: what they ask of jobs (an email, a document run) is written to the database, which a
/// scheduler that starts a moment later picks up. A scheduler that cannot start stops the process
/// with exit code 1 and the reason in the log, as before; the health check reports it meanwhile.
/// On shutdown it waits for running jobs to complete.
/// </summary>
public sealed class SchedulerService(ISchedulerFactory factory, IHostApplicationLifetime lifetime, ILogger<SchedulerService> logger)
    : IHostedService
{
    private readonly Lock stopGate = new();
    private Task starting = Task.CompletedTask;
    private Task? stop;
    private IScheduler? scheduler;
    private volatile bool stopRequested;

    public SchedulerState State { get; private set; } = SchedulerState.Starting;

    /// <summary>Why the scheduler failed to start, when <see cref="State"/> is <see cref="SchedulerState.Failed"/>.</summary>
    public string? Failure { get; private set; }

    /// <summary>The scheduler's name, once it runs.</summary>
    public string? Name => scheduler?.SchedulerName;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => Volatile.Write(ref starting, Task.Run(StartSchedulerAsync)));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits for a start in progress, then shuts the scheduler down once its running jobs complete.
    /// The generic host may call this twice at once (a stop while RunAsync waits raises
    /// ApplicationStopping, which stops the host again): both calls share one shutdown, so the second
    /// cannot return, and let the host dispose the services, while jobs still run.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (stopGate)
        {
            return stop ??= StopCoreAsync(cancellationToken);
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        // A start still running sees this and shuts its scheduler down itself, even after this gives up waiting.
        stopRequested = true;
        try
        {
            // A start in progress finishes first (it is short), so the scheduler it makes is shut down below.
            await Volatile.Read(ref starting).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        if (Volatile.Read(ref scheduler) is { } running)
        {
            await running.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }

        State = SchedulerState.Stopped;
    }

    private async Task StartSchedulerAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return;
            }

            // No cancellation token: Quartz keeps the one given to Start for the scheduler's lifetime.
            var created = await factory.GetScheduler();
            Volatile.Write(ref scheduler, created);
            await created.Start();
            if (stopRequested)
            {
                // The host stopped while this started (and may have given up waiting): no job runs on its disposed services.
                await created.Shutdown(waitForJobsToComplete: true);
                return;
            }

            State = SchedulerState.Running;
            logger.LogInformation("Job scheduler started in {Elapsed} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F0"));
        }
        catch (Exception) when (stopRequested)
        {
            // Stopping anyway: a start cut short by the shutdown is not a failure.
        }
        catch (Exception ex)
        {
            Failure = ex.Message;
            State = SchedulerState.Failed;
            logger.LogCritical(ex, "The job scheduler could not start; the app stops: {Reason}", ex.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
