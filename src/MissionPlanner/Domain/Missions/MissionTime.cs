using MissionPlanner.Domain.Common;
using NodaTime;
using NodaTime.TimeZones;

namespace MissionPlanner.Domain.Missions;

/// <summary>
/// Instants are stored in UTC; people read and type them in the mission's local time. Every
/// conversion goes through NodaTime's copy of the IANA time zone database (ADR 22), so pages, API,
/// PDFs, emails and calendars agree on one rule whatever the host's own zone data says.
/// A <see cref="TimeZoneInfo"/> is only the handle for the zone's IANA id.
/// </summary>
public static class MissionTime
{
    /// <summary>
    /// RFC 5545 (3.3.5): a local time that happens twice is its first occurrence; one that does not
    /// happen (skipped when the clocks go forward) is read with the offset before the gap, i.e.
    /// moved forward by the gap's length (02:30 → 03:30 in London).
    /// </summary>
    private static readonly ZoneLocalMappingResolver Rfc5545 = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);

    public static bool IsKnownZone(string? id)
    {
        // Only IANA ids: Windows ids would also resolve here but are not portable between hosts.
        if (string.IsNullOrWhiteSpace(id) || !id.Contains('/') && id != "UTC")
        {
            return false;
        }

        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
    }

    /// <summary>The zone's rules, by its IANA id.</summary>
    public static DateTimeZone Rules(TimeZoneInfo zone) => DateTimeZoneProviders.Tzdb[zone.Id];

    /// <summary>
    /// A time typed without an offset is read as wall-clock time in the mission's zone; one that
    /// carried an offset or "Z" is already an instant. A wall-clock time that happens twice (the
    /// night the clocks go back) is its first occurrence, as RFC 5545 (3.3.5) and calendar apps read
    /// a local time; one that does not happen (the clocks go forward) is read with the offset before
    /// the gap, as RFC 5545 says. For what a person typed, use <see cref="FromTyped"/>, which refuses the latter.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone) => local.Kind switch
    {
        DateTimeKind.Utc => local,
        DateTimeKind.Local => local.ToUniversalTime(),
        _ => Rules(zone).ResolveLocal(LocalDateTime.FromDateTime(local), Rfc5545).ToDateTimeUtc(),
    };

    /// <summary>
    /// A time a person typed: as <see cref="ToUtc"/>, but a wall-clock time that does not exist in the
    /// mission's zone (skipped when the clocks go forward) is refused, naming the nearest times that do.
    /// </summary>
    /// <exception cref="DomainException">On <paramref name="field"/>, for a time inside a gap.</exception>
    public static DateTime FromTyped(DateTime local, TimeZoneInfo zone, string field)
    {
        if (local.Kind == DateTimeKind.Unspecified && Rules(zone).MapLocal(LocalDateTime.FromDateTime(local)) is { Count: 0 } gap)
        {
            // The last minute before the gap, in the offset before it; the first after it, in the offset after.
            var before = gap.EarlyInterval.End.Plus(Duration.FromMinutes(-1)).WithOffset(gap.EarlyInterval.WallOffset).LocalDateTime;
            var after = gap.LateInterval.Start.WithOffset(gap.LateInterval.WallOffset).LocalDateTime;
            throw new DomainException(field,
                $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks go forward that night. Choose {before:HH:mm} or {after:HH:mm}.");
        }

        return ToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Rules(zone)).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>The day it is in the zone at that instant (due days, deadlines and "today" are days there).</summary>
    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utc, zone));

    /// <summary>The instant with the mission's offset at that moment: both the instant and the wall clock.</summary>
    public static DateTimeOffset ToMissionOffset(DateTime utc, TimeZoneInfo zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Rules(zone)).ToDateTimeOffset();

    /// <summary>Whether the wall-clock time at <paramref name="utc"/> happens twice in the zone (the night the clocks go back).</summary>
    public static bool IsAmbiguous(DateTime utc, TimeZoneInfo zone)
    {
        var rules = Rules(zone);
        return rules.MapLocal(Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(rules).LocalDateTime).Count == 2;
    }

    /// <summary>
    /// For people, when the wall-clock time at <paramref name="utc"/> happens twice: which of the two it
    /// is, with its zone abbreviation and offset ("the first 01:30, BST, UTC+01:00"); null otherwise.
    /// </summary>
    public static string? WhichOccurrence(DateTime utc, TimeZoneInfo zone)
    {
        var rules = Rules(zone);
        var at = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(rules);
        var mapping = rules.MapLocal(at.LocalDateTime);
        if (mapping.Count != 2)
        {
            return null;
        }

        var which = at.ToInstant() == mapping.First().ToInstant() ? "first" : "second";
        var offset = at.Offset.ToTimeSpan();
        return $"the {which} {at.LocalDateTime:HH:mm}, {at.GetZoneInterval().Name}, UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset:hh\\:mm}";
    }

    /// <summary>
    /// What a page says next to a time span whose start or end happens twice on the wall clock:
    /// "Starts at the first 01:30, BST, UTC+01:00." Null for every other span.
    /// </summary>
    public static string? OccurrenceNote(DateTime startUtc, DateTime endUtc, TimeZoneInfo zone)
    {
        var notes = new[] { ("Starts", WhichOccurrence(startUtc, zone)), ("ends", WhichOccurrence(endUtc, zone)) }
            .Where(n => n.Item2 is not null).Select(n => $"{n.Item1} at {n.Item2}").ToList();
        if (notes.Count == 0)
        {
            return null;
        }

        var text = string.Join("; ", notes);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }
}
