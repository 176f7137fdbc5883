using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using Quartz;

namespace MissionPlanner.Jobs;

/// <summary>
/// Base of every job: a fresh scope acting as the system, one MediatR command, logging of the
/// outcome. Jobs stay thin so that the work itself is an ordinary, testable command.
/// </summary>
public abstract class MissionJob(IServiceScopeFactory scopes, ILogger logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        try
        {
            await RunAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Job {Job} failed after {Elapsed:F0} ms", GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new JobExecutionException(ex);
        }
    }

    protected abstract Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct);
}
