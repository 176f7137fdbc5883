using MissionPlanner.Data;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>Every data test is a theory over this: it runs on SQLite and on PostgreSQL.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
