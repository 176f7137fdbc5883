using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>
/// Makes a database the way versions before EF Core migrations did: the SQL scripts of
/// migrations/&lt;provider&gt;/ (kept in Data/LegacyScripts/), each recorded in schema_migrations with
/// its checksum, as their runner did. The upgrade tests start today's app on such a database.
/// </summary>
public static class LegacySchema
{
    /// <summary>The scripts in name order, as (id, sql).</summary>
    public static IReadOnlyList<(string Id, string Sql)> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(LegacySchema).Assembly;
        var prefix = $"legacy/{provider.ToString().ToLowerInvariant()}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n[prefix.Length..^4], reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Applies the first <paramref name="count"/> scripts (all when null) to an empty database.</summary>
    public static async Task ApplyAsync(AppDbContext db, int? count = null)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE schema_migrations (
                    id VARCHAR(200) NOT NULL PRIMARY KEY,
                    checksum VARCHAR(64) NOT NULL,
                    applied_at VARCHAR(40) NOT NULL
                );
                """);
            foreach (var (id, sql) in Scripts(provider).Take(count ?? int.MaxValue))
            {
                var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n")))).ToLowerInvariant();
                await ExecuteAsync(connection, sql + $"""

                    ;INSERT INTO schema_migrations (id, checksum, applied_at) VALUES ('{id}', '{checksum}', '{DateTime.UtcNow:O}');
                    """);
            }

            if (provider == DatabaseProvider.Sqlite)
            {
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;");
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
