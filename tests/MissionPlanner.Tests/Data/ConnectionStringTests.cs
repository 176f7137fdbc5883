using MissionPlanner.Data;
using Npgsql;

namespace MissionPlanner.Tests.Data;

public sealed class ConnectionStringTests
{
    [Fact]
    public void PostgreSQL_PreparesStatementsAutomatically_UnlessTheConnectionStringSaysOtherwise()
    {
        static int MaxAutoPrepare(string connectionString) => new NpgsqlConnectionStringBuilder(MissionPlannerServices.PostgresConnectionString(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString })).MaxAutoPrepare;

        MaxAutoPrepare("Host=db;Username=mp;Database=mp").Should().Be(50);
        MaxAutoPrepare("Host=db;Username=mp;Database=mp;Max Auto Prepare=0").Should().Be(0, "behind a pooler that cannot keep prepared statements");
        MaxAutoPrepare("Host=db;Username=mp;Database=mp;MaxAutoPrepare=7").Should().Be(7);
    }
}
