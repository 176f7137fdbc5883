using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MissionPlanner.Data;

public sealed record MigrationScript(string Id, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout with CRLF still matches.</summary>
    public string Checksum => Convert.ToHexString(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n")))).ToLowerInvariant();
}

public sealed class MigrationException(string message) : Exception(message);

/// <summary>
/// Applies the plain SQL scripts in migrations/&lt;provider&gt;/ in name order, each in its own
/// transaction, recording id and checksum in schema_migrations. A script that changed after it
/// was applied is refused: the fix is a new script, never an edit. On PostgreSQL an advisory lock
/// makes nodes that start together take turns; on SQLite the write lock of each transaction does.
/// </summary>
public sealed class MigrationRunner(AppDbContext db, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x4D50_4D49_4752; // "MPMIGR"

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseProvider, IReadOnlyList<MigrationScript>> Shipped = new();

    /// <summary>The scripts shipped in this assembly, read once per process (health checks ask often).</summary>
    public static IReadOnlyList<MigrationScript> LoadScripts(DatabaseProvider provider) =>
        Shipped.GetOrAdd(provider, p => LoadScripts(p, typeof(MigrationRunner).Assembly));

    public static IReadOnlyList<MigrationScript> LoadScripts(DatabaseProvider provider, Assembly source)
    {
        var prefix = $"migrations/{provider.ToString().ToLowerInvariant()}/";
        return source.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(source.GetManifestResourceStream(n)!);
                return new MigrationScript(n[prefix.Length..^4], reader.ReadToEnd());
            })
            .ToList();
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default) =>
        await MigrateAsync(LoadScripts(Provider), ct);

    public async Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
            }
            else
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey});", ct);
            }

            try
            {
                return await ApplyAsync(connection, scripts, ct);
            }
            finally
            {
                if (Provider == DatabaseProvider.Postgres)
                {
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey});", CancellationToken.None);
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    private async Task<IReadOnlyList<string>> ApplyAsync(DbConnection connection, IReadOnlyList<MigrationScript> scripts, CancellationToken ct)
    {
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id VARCHAR(200) NOT NULL PRIMARY KEY,
                checksum VARCHAR(64) NOT NULL,
                applied_at VARCHAR(40) NOT NULL
            );
            """, ct);

        var applied = new List<string>();
        foreach (var script in scripts)
        {
            // Re-read inside the transaction: another node may have applied it a moment ago.
            // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken before the check.
            await using var tx = await connection.BeginTransactionAsync(ct);
            var recorded = await ScalarAsync(connection, tx, "SELECT checksum FROM schema_migrations WHERE id = @id", script.Id, ct);
            if (recorded is not null)
            {
                if (!string.Equals(recorded, script.Checksum, StringComparison.Ordinal))
                {
                    throw new MigrationException(
                        $"Migration '{script.Id}' was changed after it was applied (recorded checksum {recorded[..12]}…, " +
                        $"file now {script.Checksum[..12]}…). Restore the original script and put the change in a new one.");
                }

                await tx.RollbackAsync(ct);
                continue;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await ExecuteAsync(connection, tx, script.Sql, ct);
            }
            catch (DbException ex)
            {
                throw new MigrationException($"Migration '{script.Id}' failed and was rolled back: {ex.Message}");
            }

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_migrations (id, checksum, applied_at) VALUES (@id, @checksum, @at)";
                AddParameter(record, "@id", script.Id);
                AddParameter(record, "@checksum", script.Checksum);
                AddParameter(record, "@at", DateTime.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            applied.Add(script.Id);
            logger.LogInformation("Applied migration {Migration} in {Elapsed} ms", script.Id,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F0"));
        }

        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, string id, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        AddParameter(command, "@id", id);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
