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
    /// carried an offset or "Z" is already an instant.
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

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
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
