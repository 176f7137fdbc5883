using System.Diagnostics;
using System.Text.Json;

namespace MissionPlanner.Tests.Infrastructure;

public sealed record ParsedEvent(string Uid, int Sequence, string Status, string Summary, string Location, string Description, string Tzid,
    string Start, string End, string StartUtc);

public sealed record ParsedCalendar(IReadOnlyList<string> Zones, IReadOnlyList<ParsedEvent> Events);

/// <summary>Reads a calendar with a real parser: Debian's python3-icalendar (tests/tools/ics_parse.py).</summary>
public static class IcsParser
{
    public static async Task<ParsedCalendar> ParseAsync(string ics)
    {
        var script = Path.Combine(Path.GetDirectoryName(SmtpSink.Script)!, "ics_parse.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        await process.StandardInput.BaseStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(ics));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3-icalendar rejected the calendar (is it installed? scripts/ensure-packages.sh test): {error}");
        }

        return JsonSerializer.Deserialize<ParsedCalendar>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
