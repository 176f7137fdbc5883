using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MissionPlanner.Data;

/// <summary>
/// A transaction that writes. On SQLite, which has one writer at a time, writers of this process
/// queue here first and are woken the moment the previous one commits: waiting inside SQLite
/// means polling with sleeps of milliseconds, which would set the pace under concurrent
/// registrations. On PostgreSQL this is a plain transaction; row locks do the queueing there.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();
    private readonly IDbContextTransaction transaction;
    private SemaphoreSlim? gate;

    private WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate)
    {
        this.transaction = transaction;
        this.gate = gate;
    }

    public static async Task<WriteTransaction> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        SemaphoreSlim? gate = null;
        if (db.Database.IsSqlite())
        {
            gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
        }

        try
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct) => transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        Interlocked.Exchange(ref gate, null)?.Release();
    }
}
