using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MissionPlanner.Data;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>
/// Makes a database the way versions before EF Core migrations did: the SQL scripts of
/// migrations/&lt;provider&gt;/ (kept in Data/LegacyScripts/), each recorded in schema_migrations with
/// its checksum, as their runner did. The upgrade tests start today's app on such a database.
/// </summary>
public static class LegacySchema
{
    private const string CreateHistory = """
        CREATE TABLE schema_migrations (
            id VARCHAR(200) NOT NULL PRIMARY KEY,
            checksum VARCHAR(64) NOT NULL,
            applied_at VARCHAR(40) NOT NULL
        );
        """;

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
            await ExecuteAsync(connection, CreateHistory);
            foreach (var (id, sql) in Scripts(provider).Take(count ?? int.MaxValue))
            {
                await ExecuteAsync(connection, sql + "\n;" + Record(id, sql));
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

    /// <summary>
    /// Turns a database of today's schema into one the last script-migrated version left: migrated
    /// down to the baseline (the schema the scripts made, which MigrationTests proves equal), with its
    /// data in the shape of that version (link hashes in each table's token_hash column), and its
    /// history in schema_migrations instead of EF's table. So data made by today's commands can stand
    /// for data that version wrote.
    /// </summary>
    public static async Task RollBackToScriptsAsync(AppDbContext db)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await ExecuteAsync(connection, "DROP TABLE \"__EFMigrationsHistory\";" + CreateHistory);
            foreach (var (id, sql) in Scripts(provider))
            {
                await ExecuteAsync(connection, Record(id, sql));
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>The row the scripts' runner wrote for a script it applied, with the script's checksum.</summary>
    private static string Record(string id, string sql)
    {
        var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n")))).ToLowerInvariant();
        return $"INSERT INTO schema_migrations (id, checksum, applied_at) VALUES ('{id}', '{checksum}', '{DateTime.UtcNow:O}');";
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
