using Microsoft.EntityFrameworkCore;

namespace MissionPlanner.Data;

/// <summary>
/// For the lifetime of this object, commits on this context's connection return once they are in
/// the database's log, without waiting for the disk to flush it: SQLite's <c>synchronous=NORMAL</c>
/// in WAL mode, PostgreSQL's <c>synchronous_commit=off</c>. Both stay consistent; a commit survives
/// the application being killed, and only an operating-system crash or power loss can undo the
/// last ones (SQLite: "WAL mode with synchronous=NORMAL … is consistent … but a transaction
/// committed … might roll back following a power loss"; PostgreSQL 15 docs §30.4, "Asynchronous
/// Commit"). Only for writes whose loss is harmless: the outbox's delivery outcomes, where a lost
/// "sent" means the message (with the same Message-ID) goes once more. The connection is put back
/// to the usual setting before it returns to the pool.
/// </summary>
public sealed class RelaxedCommits : IAsyncDisposable
{
    private readonly AppDbContext db;

    private RelaxedCommits(AppDbContext db) => this.db = db;

    public static async Task<RelaxedCommits> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA synchronous=NORMAL" : "SET synchronous_commit TO off", ct);
        return new RelaxedCommits(db);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA synchronous=FULL" : "RESET synchronous_commit");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
