using MediatR;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Features.Demo;

namespace MissionPlanner.Web.Hosting;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo mission when the app creates a fresh database.</summary>
    public bool SeedOnFirstStart { get; set; } = true;
}

/// <summary>
/// Runs before the server and the scheduler start: applies pending migrations and, on a brand-new
/// database, seeds the demo mission. A refused migration, or a database a newer version has upgraded,
/// stops the app with the reason.
/// </summary>
public sealed class DatabaseInitialiser(IServiceProvider services, IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo, ILogger<DatabaseInitialiser> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (!database.Value.MigrateOnStart)
        {
            // Even without migrating, never run on a database a newer version has changed.
            await migrator.EnsureNotNewerAsync(cancellationToken);
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await migrator.MigrateAsync(cancellationToken);
        logger.LogInformation("Database checked in {Elapsed} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F0"));
        if (result.Created && demo.Value.SeedOnFirstStart)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            var id = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SeedDemoMissionCommand(), cancellationToken);
            logger.LogInformation("Seeded the demo mission {MissionId}. Sign in with: dotnet run --project src/MissionPlanner.Web -- organiser add you@example.org", id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
