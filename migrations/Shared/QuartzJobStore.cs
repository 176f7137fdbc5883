using System.Reflection;
using System.Text.RegularExpressions;

namespace MissionPlanner.Migrations;

/// <summary>
/// The job store schema of Quartz.NET 4.7.3, as Quartz ships it for the database of the migrations
/// assembly this file is compiled into (its embedded QuartzJobStore.4.7.3.sql), for the baseline migration only.
/// </summary>
internal static partial class QuartzJobStore
{
    public static string CreateScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("QuartzJobStore.4.7.3.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Drops every table the create script makes, in reverse order (children first).</summary>
    public static string DropScript() =>
        string.Join("\n", CreatedTable().Matches(CreateScript()).Select(m => $"DROP TABLE IF EXISTS {m.Groups[1].Value};").Reverse());

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS (\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();
}
