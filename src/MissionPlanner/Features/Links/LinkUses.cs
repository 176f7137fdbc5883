using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Data;

namespace MissionPlanner.Features.Links;

/// <summary>
/// Writes when personal links were last used, in the background, every <see cref="Interval"/>:
/// opening a personal page stays a read (on SQLite a write would queue behind any long writer, an
/// import or a reminder run). Uses of one link in an interval become one update; a use still waiting
/// when the process is killed is lost, which only leaves an older "last used".
/// </summary>
public sealed class LinkUses : IAsyncDisposable, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, DateTime> pending = new();
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<LinkUses> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public LinkUses(IServiceScopeFactory scopes, ILogger<LinkUses> logger)
    {
        this.scopes = scopes;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    public void Record(Guid linkId, DateTime at) => pending.AddOrUpdate(linkId, at, (_, earlier) => at > earlier ? at : earlier);

    /// <summary>Writes the uses recorded so far (the loop does this every <see cref="Interval"/>; tests call it to see them at once).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var batch = new Dictionary<Guid, DateTime>();
        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var at))
            {
                batch[id] = at;
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await WriteTransaction.BeginAsync(db, ct);
            foreach (var (id, at) in batch)
            {
                await db.PersonalLinks.Where(l => l.Id == id && (l.LastUsedAt == null || l.LastUsedAt < at))
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastUsedAt, at), ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch
        {
            // Kept for the next round.
            foreach (var (id, at) in batch)
            {
                Record(id, at);
            }

            throw;
        }
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                try
                {
                    await FlushAsync(stopping.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not record when personal links were used; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>For a container disposed synchronously: stops the loop; uses not yet written are lost (only "last used" is older).</summary>
    public void Dispose()
    {
        if (!stopping.IsCancellationRequested)
        {
            stopping.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync();
        await loop;
        try
        {
            await FlushAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not record when personal links were used before stopping");
        }

        stopping.Dispose();
    }
}
