namespace MissionPlanner.Domain.Common;

/// <summary>
/// Something that happened to an entity which other parts of the app act on: the programme change
/// log, documents to print again, emails. Raised by the entity's own methods; handled inside the
/// SaveChanges that stores the change (Data/DomainEventInterceptor), so the rows the handlers add
/// are written in the same transaction.
/// </summary>
public interface IDomainEvent;

/// <summary>An entity that raises <see cref="IDomainEvent"/>s; they wait on it until SaveChanges takes them.</summary>
public abstract class RaisesDomainEvents
{
    private List<IDomainEvent>? raised;

    /// <summary>The events raised since the last call; they are handed over once.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        IReadOnlyList<IDomainEvent> taken = raised ?? [];
        raised = null;
        return taken;
    }

    public bool HasDomainEvents() => raised is { Count: > 0 };

    protected void Raise(IDomainEvent domainEvent) => (raised ??= []).Add(domainEvent);
}
