using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Missions;

/// <summary>Instants are stored in UTC; people read and type them in the mission's local time.</summary>
public static class MissionTime
{
    public static bool IsKnownZone(string? id)
    {
        // Only IANA ids: Windows ids would also resolve here but are not portable between hosts.
        if (string.IsNullOrWhiteSpace(id) || !id.Contains('/') && id != "UTC")
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
    }

    /// <summary>
    /// A time typed without an offset is read as wall-clock time in the mission's zone; one that
    /// carried an offset or "Z" is already an instant. A wall-clock time that happens twice (the
    /// night the clocks go back) is its first occurrence, as RFC 5545 (3.3.5) and calendar apps read
    /// a local time; one that does not happen (the clocks go forward) becomes the instant just after
    /// the gap. For what a person typed, use <see cref="FromTyped"/>, which refuses the latter.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        if (local.Kind == DateTimeKind.Utc)
        {
            return local;
        }

        if (local.Kind == DateTimeKind.Local)
        {
            return local.ToUniversalTime();
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            // A wall-clock time skipped by a DST jump: take the instant just after the gap.
            unspecified = unspecified.AddHours(1);
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            // The first occurrence is the one with the larger offset (summer time, before the clocks go back).
            return DateTime.SpecifyKind(unspecified - zone.GetAmbiguousTimeOffsets(unspecified).Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>
    /// A time a person typed: as <see cref="ToUtc"/>, but a wall-clock time that does not exist in the
    /// mission's zone (skipped when the clocks go forward) is refused, naming the nearest times that do.
    /// </summary>
    /// <exception cref="DomainException">On <paramref name="field"/>, for a time inside a gap.</exception>
    public static DateTime FromTyped(DateTime local, TimeZoneInfo zone, string field)
    {
        if (local.Kind == DateTimeKind.Unspecified && zone.IsInvalidTime(local))
        {
            var before = local;
            while (zone.IsInvalidTime(before))
            {
                before = before.AddMinutes(-1);
            }

            var after = local;
            while (zone.IsInvalidTime(after))
            {
                after = after.AddMinutes(1);
            }

            throw new DomainException(field,
                $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks go forward that night. Choose {before:HH:mm} or {after:HH:mm}.");
        }

        return ToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The instant with the mission's offset at that moment: both the instant and the wall clock.</summary>
    public static DateTimeOffset ToMissionOffset(DateTime utc, TimeZoneInfo zone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(instant).ToOffset(zone.GetUtcOffset(instant));
    }
}
