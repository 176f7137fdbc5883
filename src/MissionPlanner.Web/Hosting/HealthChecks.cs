using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionPlanner.Jobs;
using Quartz;

namespace MissionPlanner.Web.Hosting;

/// <summary>Healthy when this node's scheduler runs, or when this node is configured not to run jobs.</summary>
public sealed class SchedulerHealthCheck(IServiceProvider services, Microsoft.Extensions.Options.IOptions<JobsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("Jobs are disabled on this node.");
        }

        var factory = services.GetService<ISchedulerFactory>();
        if (factory is null)
        {
            return HealthCheckResult.Unhealthy("No scheduler is registered.");
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        return scheduler.Status switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy($"Scheduler {scheduler.SchedulerName} is running."),
            SchedulerStatus.Created or SchedulerStatus.Standby => HealthCheckResult.Degraded("The scheduler has not started yet."),
            var other => HealthCheckResult.Unhealthy($"The scheduler is {other}."),
        };
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
