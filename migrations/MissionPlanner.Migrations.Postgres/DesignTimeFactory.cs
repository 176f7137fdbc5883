using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MissionPlanner.Data;

namespace MissionPlanner.Migrations.Postgres;

/// <summary>
/// What <c>dotnet ef</c> builds the model with for PostgreSQL migrations: the app's own configuration
/// (<see cref="MissionPlannerServices.Configure"/>), so the migrations see exactly the model the app runs.
/// No database is opened to add a migration or check for model changes.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        MissionPlannerServices.Configure(builder,
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design_time" },
            new DataDirectory(Path.GetTempPath()));
        return new AppDbContext(builder.Options);
    }
}
