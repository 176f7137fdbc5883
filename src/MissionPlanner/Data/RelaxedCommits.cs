using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MissionPlanner.Data;

/// <summary>
/// On SQLite, for the lifetime of this object, commits on this context's connection return once
/// they are in the write-ahead log, without waiting for the disk to flush it
/// (<c>synchronous=NORMAL</c>): still consistent, and still kept when the application is killed;
/// only an operating-system crash or power loss can undo them, back to the log's last flush ("WAL
/// mode with synchronous=NORMAL … is consistent … a transaction committed … might roll back
/// following a power loss or system crash", sqlite.org/pragma.html#pragma_synchronous). The
/// outbox dispatcher runs on it: what such a loss undoes is its own claims and delivery outcomes,
/// so the messages of that run go once more, with the same Message-IDs. The connection gets its
/// previous setting back before it returns to the pool (or leaves the pool if that fails).
/// PostgreSQL is left alone: its equivalent (<c>synchronous_commit=off</c>) also loses commits when
/// the database server process is killed, which repeated messages in the restart test.
/// </summary>
public sealed class RelaxedCommits : IAsyncDisposable
{
    private readonly AppDbContext? db;
    private readonly long previous;

    private RelaxedCommits(AppDbContext? db, long previous)
    {
        this.db = db;
        this.previous = previous;
    }

    public static async Task<RelaxedCommits> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return new RelaxedCommits(null, 0);
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        var previous = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA synchronous=NORMAL";
        await command.ExecuteNonQueryAsync(ct);
        return new RelaxedCommits(db, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (db is null)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous={previous}";
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
            // Never hand a relaxed connection to the next writer.
            SqliteConnection.ClearPool((SqliteConnection)connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
