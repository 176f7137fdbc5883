using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Missions;

/// <summary>What happened to a programme item.</summary>
public enum ProgrammeItemChange
{
    Added,

    /// <summary>Its title, time or venue changed: what the people it is for see in their programme.</summary>
    Rescheduled,

    /// <summary>Anything else printed about it: description, kind, capacity, dress code, contact, travel.</summary>
    DetailsChanged,
    Cancelled,
    Reinstated,

    /// <summary>Whom it is for changed (everyone, sectors, chosen people).</summary>
    AudienceChanged,
    Removed,
}

/// <summary>
/// A programme item changed. Handlers record who is affected (emailed in the next batch of programme
/// changes) and have the booklet and itineraries printed again.
/// </summary>
/// <param name="VenueChanged">With <see cref="ProgrammeItemChange.Rescheduled"/>: it moved to another venue.</param>
public sealed record ProgrammeItemChanged(ProgrammeItem Item, ProgrammeItemChange Change, bool VenueChanged = false) : IDomainEvent;
