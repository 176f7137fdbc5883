using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

public sealed record VisitOption(
    Guid Id, string Title, ProgrammeItemKind Kind, string Host, string Venue, int DurationMinutes, IReadOnlyList<string> Times,
    VisitRequirements Requirements, string Notes, int? Rank)
{
    /// <summary>Screened visit and no ID details on file: the person cannot be placed on it.</summary>
    public bool NeedsIdDetails { get; init; }
}

public sealed record MyVisitPlace(string Title, DateTime StartsLocal, DateTime EndsLocal, string Venue);

public sealed record MyVisitChoices(
    string MissionTitle, string Name, DateTime? DeadlineLocal, bool CanChange, string? Closed, IReadOnlyList<VisitOption> Visits,
    IReadOnlyList<MyVisitPlace> Places, int VisitsPerParticipant);

internal static class VisitPreferenceRules
{
    /// <summary>Why the person cannot change their preferences now, or null when they can.</summary>
    public static string? WhyClosed(Registration registration, VisitPlan plan, DateTime now) =>
        registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined
            ? $"This registration is {registration.Status.ToString().ToLowerInvariant()}."
            : plan.PreferencesDeadline is { } deadline && now >= deadline
                ? "The deadline for visit preferences has passed; please contact the organisers."
                : plan.LockedAt is not null || plan.PublishedAt is not null
                    ? "The visit groups have been made; please contact the organisers to change yours."
                    : null;
}
