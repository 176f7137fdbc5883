using Microsoft.EntityFrameworkCore.Diagnostics;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Data;

/// <summary>Acts on one kind of <see cref="IDomainEvent"/>; registered once, shared by every request (hold no state).</summary>
public interface IDomainEventHandler
{
    Type EventType { get; }

    Task HandleAsync(AppDbContext db, IReadOnlyList<IDomainEvent> events, CancellationToken ct);
}

/// <summary>
/// Handles every event of <typeparamref name="TEvent"/> raised before one SaveChanges, together, so
/// that a handler can do its work once per save (print documents again once, not once per item).
/// It runs before the save's SQL: it reads the database as it was before the change, and the rows it
/// adds to <paramref name="db"/> are written by the same SaveChanges, in its transaction.
/// </summary>
public abstract class DomainEventHandler<TEvent> : IDomainEventHandler
    where TEvent : IDomainEvent
{
    public Type EventType => typeof(TEvent);

    public Task HandleAsync(AppDbContext db, IReadOnlyList<IDomainEvent> events, CancellationToken ct) =>
        HandleAsync(db, events.Cast<TEvent>().ToList(), ct);

    protected abstract Task HandleAsync(AppDbContext db, IReadOnlyList<TEvent> events, CancellationToken ct);
}

/// <summary>
/// Dispatches the domain events of tracked entities when SaveChanges starts, to every handler of
/// their type, until no handler raises more (a handler may change entities that raise events of
/// their own). Side effects are rows of the same save — change log entries, document runs — so a
/// change and what it causes commit together or not at all, and no handler wires them by hand.
/// A save that fails after dispatch leaves the handlers' rows in the context: discard the context
/// (each request has its own scope), never retry the same one.
/// </summary>
public sealed class DomainEventInterceptor(IEnumerable<IDomainEventHandler> handlers) : SaveChangesInterceptor
{
    private const int MaxRounds = 8;

    /// <summary>For contexts built outside the container (tests' own, design time): versions are raised, no handler runs.</summary>
    public static readonly DomainEventInterceptor WithoutHandlers = new([]);

    private readonly ILookup<Type, IDomainEventHandler> byEvent = handlers.ToLookup(h => h.EventType);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await DispatchAsync(db, cancellationToken);
            db.RaiseVersions();
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db && db.ChangeTracker.Entries<RaisesDomainEvents>().Any(e => e.Entity.HasDomainEvents()))
        {
            throw new InvalidOperationException("Entities raised domain events: save them with SaveChangesAsync, whose handlers read the database.");
        }

        (eventData.Context as AppDbContext)?.RaiseVersions();
        return result;
    }

    private async Task DispatchAsync(AppDbContext db, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            var raised = db.ChangeTracker.Entries<RaisesDomainEvents>().SelectMany(e => e.Entity.TakeDomainEvents()).ToList();
            if (raised.Count == 0)
            {
                return;
            }

            if (round > MaxRounds)
            {
                throw new InvalidOperationException(
                    $"Domain event handlers still raised events after {MaxRounds} rounds ({string.Join(", ", raised.Select(e => e.GetType().Name).Distinct())}): a cycle.");
            }

            foreach (var kind in raised.GroupBy(e => e.GetType()))
            {
                foreach (var handler in byEvent[kind.Key])
                {
                    await handler.HandleAsync(db, kind.ToList(), ct);
                }
            }

            // Handlers may have changed tracked entities as well as added new ones.
            db.ChangeTracker.DetectChanges();
        }
    }
}
