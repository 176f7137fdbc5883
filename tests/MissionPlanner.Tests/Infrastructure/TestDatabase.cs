using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MissionPlanner.Data;
using Npgsql;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>
/// A fresh, fully migrated database for one test, on SQLite (a file) or PostgreSQL (the throw-away
/// server that scripts/test.sh starts). Each is copied from a template migrated once per run, so
/// tests are isolated and can run in parallel without paying for migrations each time.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MISSIONPLANNER_TEST_POSTGRES";
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<string>>> Templates = new();

    private TestDatabase(DatabaseProvider provider, string connectionString, string directory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A data directory of the test's own (mail, documents, keys).</summary>
    public string Directory { get; }

    private string? PostgresName { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrated = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-tests", RunId, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(directory, "missionplanner.db");
            if (migrated)
            {
                File.Copy(await TemplateAsync(provider), file);
            }

            return new TestDatabase(provider, SqliteConnectionString(file), directory, null);
        }

        var name = $"mp_{RunId}_{Guid.NewGuid():N}"[..40];
        var template = migrated ? await TemplateAsync(provider) : null;
        await ExecuteOnServerAsync(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return new TestDatabase(provider, PostgresConnectionString(name), directory, name);
    }

    public AppDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        MissionPlannerServices.Configure(builder, Options, new DataDirectory(Directory));
        return new AppDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background task; the temp folder is cleaned by the OS.
        }
    }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need a server: run scripts/test.sh (it starts one), or set {PostgresVariable} " +
                "to a connection string of a PostgreSQL server where this user may create databases.");

    public static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();

    private static string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ToString();

    private static Task<string> TemplateAsync(DatabaseProvider provider) =>
        Templates.GetOrAdd(provider, p => new Lazy<Task<string>>(() => CreateTemplateAsync(p))).Value;

    private static async Task<string> CreateTemplateAsync(DatabaseProvider provider)
    {
        string connectionString;
        string result;
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "mp-tests", RunId);
            System.IO.Directory.CreateDirectory(dir);
            result = Path.Combine(dir, "template.db");
            connectionString = new SqliteConnectionStringBuilder { DataSource = result, Pooling = false }.ToString();
        }
        else
        {
            result = $"mp_{RunId}_template";
            await ExecuteOnServerAsync($"CREATE DATABASE {result}");
            connectionString = PostgresConnectionString(result);
        }

        var builder = new DbContextOptionsBuilder<AppDbContext>();
        MissionPlannerServices.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString },
            new DataDirectory(Path.GetTempPath()));
        await using (var db = new AppDbContext(builder.Options))
        {
            await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        }

        if (provider == DatabaseProvider.Postgres)
        {
            // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            // Fold the WAL into the file so that a plain copy holds the whole schema.
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
            await command.ExecuteNonQueryAsync();
        }

        return result;
    }
}
