using Microsoft.EntityFrameworkCore;

namespace MissionPlanner.Data;

/// <summary>
/// On SQLite, for the lifetime of this object, commits on this context's connection return once
/// they are in the write-ahead log, without waiting for the disk to flush it
/// (<c>synchronous=NORMAL</c>): still consistent, and still kept when the application is killed;
/// only an operating-system crash or power loss can undo the last ones ("WAL mode with
/// synchronous=NORMAL … is consistent … a transaction committed … might roll back following a power
/// loss or system crash", sqlite.org/pragma.html#pragma_synchronous). Only for writes whose loss
/// is harmless: the outbox's delivery outcomes, where a lost "sent" means the message goes once
/// more with the same Message-ID. The connection is set back before it returns to the pool.
/// PostgreSQL is left alone: its equivalent (<c>synchronous_commit=off</c>) also loses commits when
/// the database server process crashes, which is measured to repeat many messages.
/// </summary>
public sealed class RelaxedCommits : IAsyncDisposable
{
    private readonly AppDbContext? db;

    private RelaxedCommits(AppDbContext? db) => this.db = db;

    public static async Task<RelaxedCommits> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return new RelaxedCommits(null);
        }

        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL", ct);
        return new RelaxedCommits(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (db is null)
        {
            return;
        }

        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
