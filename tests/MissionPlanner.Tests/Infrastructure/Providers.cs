using System.Reflection;
using MissionPlanner.Data;
using Xunit.Sdk;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>
/// Every data test runs on SQLite and on PostgreSQL: <c>[Theory, AllDatabases]</c> on a test
/// whose first parameter is the <see cref="DatabaseProvider"/> (as bitwarden's
/// <c>[DatabaseTheory, DatabaseData]</c>). Under <c>CI=true</c> a missing PostgreSQL fails the
/// PostgreSQL case instead of skipping it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AllDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => Providers.Each.Select(p => new object[] { p });
}

public static class Providers
{
    public static IReadOnlyList<DatabaseProvider> Each { get; } = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>The same cases as <see cref="AllDatabasesAttribute"/>, for theories that combine them with other data.</summary>
    public static TheoryData<DatabaseProvider> All => new(Each);
}
