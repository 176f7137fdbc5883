using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Visits;

/// <summary>A visit was cancelled: its published groups leave everyone's programme.</summary>
public sealed record VisitCancelled(Visit Visit) : IDomainEvent;
