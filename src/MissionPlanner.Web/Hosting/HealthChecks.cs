using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionPlanner.Jobs;

namespace MissionPlanner.Web.Hosting;

/// <summary>
/// Healthy when this node's scheduler runs, or when this node is configured not to run jobs. While the
/// scheduler starts (in the background, after the server listens) it is Degraded, which /health still
/// answers with 200: requests do not need it. A scheduler that failed to start is Unhealthy.
/// </summary>
public sealed class SchedulerHealthCheck(IServiceProvider services, Microsoft.Extensions.Options.IOptions<JobsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Jobs are disabled on this node."));
        }

        var scheduler = services.GetService<SchedulerService>();
        return Task.FromResult(scheduler?.State switch
        {
            null => HealthCheckResult.Unhealthy("No scheduler is registered."),
            SchedulerState.Running => HealthCheckResult.Healthy($"Scheduler {scheduler.Name} is running."),
            SchedulerState.Starting => HealthCheckResult.Degraded("The scheduler is starting."),
            SchedulerState.Failed => HealthCheckResult.Unhealthy($"The scheduler could not start: {scheduler.Failure}"),
            _ => HealthCheckResult.Unhealthy("The scheduler has stopped."),
        });
    }
}

/// <summary>Healthy when the database answers and every migration is applied.</summary>
public sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionPlanner.Data.AppDbContext>();
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var provider = db.Database.IsNpgsql() ? MissionPlanner.Data.DatabaseProvider.Postgres : MissionPlanner.Data.DatabaseProvider.Sqlite;
            var status = await scope.ServiceProvider.GetRequiredService<MissionPlanner.Data.DatabaseMigrator>().StatusAsync(cancellationToken);
            if (status.Unknown.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"{provider}: upgraded by a newer version (migrations {string.Join(", ", status.Unknown)}).");
            }

            return status.Pending.Count == 0
                ? HealthCheckResult.Healthy($"{provider}, {status.Applied.Count} migration(s) applied.")
                : HealthCheckResult.Unhealthy($"{provider}: {status.Pending.Count} migration(s) pending: {string.Join(", ", status.Pending)}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", ex);
        }
    }
}
