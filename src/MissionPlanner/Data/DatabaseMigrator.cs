using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MissionPlanner.Data;

/// <summary>Why the schema cannot be brought up to date; the message says what to do.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What a database holds against what this version of the app knows.</summary>
/// <param name="Applied">Migration ids recorded in the database, oldest first.</param>
/// <param name="Pending">Migrations this app would apply, oldest first.</param>
/// <param name="Unknown">Migrations recorded that this app does not ship: a newer version upgraded the database.</param>
public sealed record MigrationStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown);

/// <summary>What <see cref="DatabaseMigrator.MigrateAsync"/> did.</summary>
/// <param name="Applied">Migrations this call applied (another node may have applied others a moment before).</param>
/// <param name="Created">True when this call created the schema (it applied the baseline): a new database.</param>
public sealed record MigrationResult(IReadOnlyList<string> Applied, bool Created);

/// <summary>
/// Data work that must follow migrations and needs the app itself (its configured rules, its keys),
/// which SQL in a migration cannot have. Runs after every migrate, under the same lock, so a node that
/// stopped in between finishes it on its next start: it must be idempotent, and cheap when there is
/// nothing to do.
/// </summary>
public interface IMigrationFollowUp
{
    /// <param name="appliedNow">The migrations this migrate applied (empty when the schema was already up to date).</param>
    Task RunAsync(AppDbContext db, IReadOnlyList<string> appliedNow, CancellationToken ct);
}

/// <summary>
/// Brings the schema up to date with the EF Core migrations of the provider in use
/// (migrations/MissionPlanner.Migrations.Sqlite and …Postgres), and refuses a database that a newer
/// version of the app has upgraded. Nodes that start together take turns: each holds a lock that the
/// operating system or server releases when the process dies (a PostgreSQL session advisory lock; on
/// SQLite a file lock beside the database), and inside it EF Core takes its own migration lock.
/// A database made by the SQL scripts of earlier versions (table schema_migrations) is adopted in place:
/// its schema is the baseline, so the baseline is recorded as applied and later migrations run.
/// </summary>
public sealed class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger, IEnumerable<IMigrationFollowUp>? followUps = null)
{
    public const string SqliteMigrations = "MissionPlanner.Migrations.Sqlite";
    public const string PostgresMigrations = "MissionPlanner.Migrations.Postgres";

    /// <summary>The scripts the last script-migrated version (0.x) applied; a database must have them all to be adopted.</summary>
    public static readonly IReadOnlyList<string> LegacyScripts =
    [
        "0001_initial", "0002_quartz_job_store", "0003_outbox", "0004_invitations", "0005_registrations",
        "0006_registration_form", "0007_itineraries", "0008_document_runs", "0009_programme_checks",
        "0010_programme_changes", "0011_attendances", "0012_visits", "0013_ceremonies",
        "0014_data_protection_keys", "0015_mail_dispatch_state",
    ];

    private const long AdvisoryLockKey = 0x4D50_4D49_4752; // "MPMIGR"

    private bool IsPostgres => db.Database.IsNpgsql();

    /// <summary>The migrations this app ships, oldest first; the first is the baseline.</summary>
    public IReadOnlyList<string> Known => db.Database.GetMigrations().ToList();

    /// <summary>Reads what is applied and pending without changing anything (the health check asks this).</summary>
    public async Task<MigrationStatus> StatusAsync(CancellationToken ct = default)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0 && await LegacyTableExistsAsync(ct) && !LegacyScripts.Except(await LegacyRecordedAsync(null, ct)).Any())
        {
            // Adopted on the next migrate: its schema is the baseline.
            applied.Add(Known[0]);
        }

        var known = Known;
        return new MigrationStatus(applied, known.Except(applied).ToList(), applied.Except(known).ToList());
    }

    /// <summary>Throws <see cref="MigrationException"/> when a newer version of the app has upgraded this database.</summary>
    public async Task EnsureNotNewerAsync(CancellationToken ct = default) => RefuseNewer(await StatusAsync(ct));

    public async Task<MigrationResult> MigrateAsync(CancellationToken ct = default)
    {
        await using var turn = await TakeTurnAsync(ct);
        await AdoptLegacySchemaAsync(ct);
        var status = await StatusAsync(ct);
        RefuseNewer(status);
        if (!IsPostgres)
        {
            // Every start, not only when migrating: the app's commits assume write-ahead logging (RelaxedCommits).
            await ExecuteAsync("PRAGMA journal_mode=WAL;", ct);
        }

        if (status.Pending.Count == 0)
        {
            await FollowUpAsync([], ct);
            return new MigrationResult([], false);
        }

        if (!IsPostgres)
        {
            // Holding the file lock, no other migrator runs: a lock row left by a process that died is stale.
            await ClearStaleSqliteLockAsync(ct);
        }

        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (DbException ex)
        {
            throw new MigrationException($"Migrating the database failed and was rolled back: {ex.Message}", ex);
        }

        foreach (var id in status.Pending)
        {
            logger.LogInformation("Applied migration {Migration}", id);
        }

        await FollowUpAsync(status.Pending, ct);
        return new MigrationResult(status.Pending, status.Pending.Contains(Known[0]));
    }

    private async Task FollowUpAsync(IReadOnlyList<string> appliedNow, CancellationToken ct)
    {
        foreach (var followUp in followUps ?? [])
        {
            await followUp.RunAsync(db, appliedNow, ct);
        }
    }

    private static void RefuseNewer(MigrationStatus status)
    {
        if (status.Unknown.Count > 0)
        {
            throw new MigrationException(
                $"The database was upgraded by a newer version of MissionPlanner (it has migration(s) {string.Join(", ", status.Unknown)}, " +
                "which this version does not know). Run that version or a later one; this one would not understand the data.");
        }
    }

    private async Task AdoptLegacySchemaAsync(CancellationToken ct)
    {
        if (!await LegacyTableExistsAsync(ct))
        {
            return;
        }

        var adoptedBefore = (await db.Database.GetAppliedMigrationsAsync(ct)).Any();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var history = db.GetService<IHistoryRepository>();
            string sql;
            if (adoptedBefore)
            {
                // Adopted before; an old node started since and left its table behind (its scripts failed on our tables).
                logger.LogWarning("Dropped a schema_migrations table that an earlier version created on a database already migrated by EF Core");
                sql = "DROP TABLE schema_migrations;";
            }
            else
            {
                var recorded = await LegacyRecordedAsync(tx, ct);
                var unknown = recorded.Except(LegacyScripts).ToList();
                if (unknown.Count > 0)
                {
                    throw new MigrationException(
                        $"The database has SQL scripts this version does not know ({string.Join(", ", unknown)}): a newer version made it. Run that version or a later one.");
                }

                var missing = LegacyScripts.Except(recorded).ToList();
                if (missing.Count > 0)
                {
                    throw new MigrationException(
                        $"The database was made by an older version whose scripts stopped before {missing[0]} " +
                        $"(missing: {string.Join(", ", missing)}). Start the last script-migrated version (0.x) on it once, then this one.");
                }

                sql = history.GetCreateIfNotExistsScript() + "\n"
                    + history.GetInsertScript(new HistoryRow(Known[0], ProductInfo.GetVersion())) + "\n"
                    + "DROP TABLE schema_migrations;";
                logger.LogInformation("Adopted a database made by the SQL scripts of an earlier version: recorded {Baseline} as applied", Known[0]);
            }

            await using (var adopt = connection.CreateCommand())
            {
                adopt.Transaction = tx;
                adopt.CommandText = sql;
                await adopt.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
        }
        catch (DbException ex)
        {
            throw new MigrationException($"Taking over the database made by an earlier version failed and was rolled back: {ex.Message}", ex);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<string>> LegacyRecordedAsync(DbTransaction? tx, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var read = connection.CreateCommand();
            read.Transaction = tx;
            read.CommandText = "SELECT id FROM schema_migrations";
            await using var reader = await read.ExecuteReaderAsync(ct);
            var recorded = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                recorded.Add(reader.GetString(0));
            }

            return recorded;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private Task<bool> LegacyTableExistsAsync(CancellationToken ct) => TableExistsAsync("schema_migrations", ct);

    private async Task ClearStaleSqliteLockAsync(CancellationToken ct)
    {
        if (await TableExistsAsync("__EFMigrationsLock", ct) && await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", ct) > 0)
        {
            logger.LogWarning("Removed a migration lock left behind by a process that stopped while migrating");
        }
    }

    // A plain command, not an EF query: every start asks, and compiling a raw-SQL query cost ~120 ms of it.
    private async Task<bool> TableExistsAsync(string table, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = IsPostgres
                ? "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = @table"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@table";
            parameter.Value = table;
            command.Parameters.Add(parameter);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct) => await db.Database.ExecuteSqlRawAsync(sql, ct);

    private async Task<IAsyncDisposable> TakeTurnAsync(CancellationToken ct)
    {
        if (IsPostgres)
        {
            // A connection of its own: EF opens and closes the context's connection as it migrates.
            var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            try
            {
                await connection.OpenAsync(ct);
                await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryLockKey})", connection);
                if (await tryLock.ExecuteScalarAsync(ct) is not true)
                {
                    logger.LogInformation("Waiting for another node to finish migrating the database");
                    await using var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection) { CommandTimeout = 0 };
                    await wait.ExecuteNonQueryAsync(ct);
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            return new AdvisoryLock(connection); // the server also releases it when the process dies
        }

        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            file = Uri.TryCreate(file.Split('?')[0], UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : file["file:".Length..].Split('?')[0];
        }

        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return NoLock.Instance;
        }

        return await FileLock.TakeAsync(Path.GetFullPath(file) + ".migrate-lock", logger, ct);
    }

    /// <summary>
    /// Unlocks explicitly: a closed connection goes back to Npgsql's pool, which resets the session
    /// (and so the lock) only when the connection is next used.
    /// </summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>An exclusive lock on a file, which the operating system drops when the process ends.</summary>
    private sealed class FileLock(FileStream stream) : IAsyncDisposable
    {
        private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(15);

        public static async Task<FileLock> TakeAsync(string path, ILogger logger, CancellationToken ct)
        {
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            var told = false;
            while (true)
            {
                try
                {
                    return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException ex) when (ex is not (DirectoryNotFoundException or PathTooLongException) && File.Exists(path))
                {
                    // The file is there and locked: another process is migrating this database.
                    if (waiting.Elapsed > GiveUpAfter)
                    {
                        throw new MigrationException($"Another process has held the migration lock {path} for {GiveUpAfter.TotalMinutes:F0} minutes; is it stuck?", ex);
                    }

                    if (!told)
                    {
                        told = true;
                        logger.LogInformation("Waiting for another process to finish migrating the database ({Lock})", path);
                    }

                    await Task.Delay(50, ct);
                }
            }
        }

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
