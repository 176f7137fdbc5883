using System.Globalization;
using System.Text;
using MissionPlanner.Domain.Missions;
using NodaTime;

namespace MissionPlanner.Common;

/// <summary>One event of a calendar: times are instants (UTC) written in the calendar's zone.</summary>
public sealed record CalendarEvent(
    string Uid, int Sequence, DateTime StartsAtUtc, DateTime EndsAtUtc, string Summary, string? Location, string? Description,
    bool Cancelled, DateTime StampUtc, string? Url = null, double? Latitude = null, double? Longitude = null);

/// <summary>
/// Writes RFC 5545 calendars: CRLF lines folded at 75 octets without splitting a UTF-8 character,
/// text escaped (backslash, semicolon, comma, newline), local times with a TZID and a VTIMEZONE
/// that lists the zone's real transitions around the events, stable UIDs, SEQUENCE, and
/// STATUS:CANCELLED for cancelled events.
/// </summary>
public static class ICalendar
{
    public static string Write(string name, TimeZoneInfo zone, IReadOnlyList<CalendarEvent> events, string method = "PUBLISH")
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//MissionPlanner//Itinerary//EN", "CALSCALE:GREGORIAN", $"METHOD:{method}",
            $"X-WR-CALNAME:{Text(name)}", $"X-WR-TIMEZONE:{zone.Id}",
        };
        var from = events.Count == 0 ? DateTime.UtcNow : events.Min(e => e.StartsAtUtc);
        var to = events.Count == 0 ? DateTime.UtcNow : events.Max(e => e.EndsAtUtc);
        lines.AddRange(TimeZone(zone, from, to));
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{e.Uid}");
            lines.Add($"SEQUENCE:{e.Sequence}");
            lines.Add($"DTSTAMP:{e.StampUtc:yyyyMMdd'T'HHmmss'Z'}");
            lines.Add(Time("DTSTART", e.StartsAtUtc, zone));
            lines.Add(Time("DTEND", e.EndsAtUtc, zone));
            lines.Add($"SUMMARY:{Text(e.Summary)}");
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                lines.Add($"LOCATION:{Text(e.Location)}");
            }

            if (e.Latitude is { } lat && e.Longitude is { } lon)
            {
                lines.Add($"GEO:{lat.ToString("0.######", CultureInfo.InvariantCulture)};{lon.ToString("0.######", CultureInfo.InvariantCulture)}");
            }

            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                lines.Add($"DESCRIPTION:{Text(e.Description)}");
            }

            if (e.Url is not null)
            {
                lines.Add($"URL:{e.Url}");
            }

            lines.Add(e.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    /// <summary>TEXT values: backslash, semicolon and comma escaped, newlines as \n (RFC 5545 3.3.11).</summary>
    public static string Text(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>
    /// Local time with the zone's TZID; a local time that happens twice (the night the clocks go back)
    /// in UTC instead, since RFC 5545 (3.3.5) reads an ambiguous local time as its first occurrence.
    /// </summary>
    private static string Time(string property, DateTime utc, TimeZoneInfo zone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return MissionTime.IsAmbiguous(instant, zone)
            ? $"{property}:{instant.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}"
            : $"{property};TZID={zone.Id}:{MissionTime.ToLocal(instant, zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Lines of at most 75 octets; continuation lines start with a space (RFC 5545 3.1).</summary>
    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        var limit = 75;
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                builder.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            builder.Append(element);
            octets += size;
        }

        builder.Append("\r\n");
    }

    /// <summary>
    /// The zone's offsets as they really are around the events, from the time zone database: the
    /// interval in force a year before, then every transition until a year after, each as its own
    /// STANDARD or DAYLIGHT observance (RFC 5545 3.6.5) with the zone's own abbreviation.
    /// </summary>
    private static IEnumerable<string> TimeZone(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var start = Instant.FromDateTimeUtc(fromUtc.AddYears(-1));
        var end = Instant.FromDateTimeUtc(toUtc.AddYears(1));
        yield return "BEGIN:VTIMEZONE";
        yield return $"TZID:{zone.Id}";
        Offset? previous = null;
        foreach (var interval in MissionTime.Rules(zone).GetZoneIntervals(start, end))
        {
            var at = interval.HasStart && interval.Start > start ? interval.Start : start;
            var before = previous ?? interval.WallOffset;
            var kind = interval.Savings != NodaTime.Offset.Zero ? "DAYLIGHT" : "STANDARD";
            yield return $"BEGIN:{kind}";
            yield return $"DTSTART:{at.WithOffset(before).LocalDateTime.ToDateTimeUnspecified():yyyyMMdd'T'HHmmss}";
            yield return $"TZOFFSETFROM:{Offset(before.ToTimeSpan())}";
            yield return $"TZOFFSETTO:{Offset(interval.WallOffset.ToTimeSpan())}";
            yield return $"TZNAME:{Text(interval.Name)}";
            yield return $"END:{kind}";
            previous = interval.WallOffset;
        }

        yield return "END:VTIMEZONE";
    }

    private static string Offset(TimeSpan offset) => $"{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}";
}
