using MissionPlanner.Features.Imports;

namespace MissionPlanner.Web.Api;

internal static class ImportResults
{
    /// <summary>
    /// A file with bad rows and nothing imported is a 400 whose errors are keyed "line N, column"; otherwise 200 with the counts.
    /// A preview of a readable file is 200 with its errors and how it was understood.
    /// </summary>
    public static IResult ToHttp(ImportResult result, bool preview) =>
        result.NothingImported && result.Errors.Count > 0 && !(preview && result.Preview is not null)
            ? Results.ValidationProblem(
                result.Errors.GroupBy(e => $"line {e.Line}" + (e.Column.Length > 0 ? $", {e.Column}" : ""))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                detail: $"{result.Errors.Select(e => e.Line).Distinct().Count()} row(s) are invalid; nothing was imported. Fix them, or import only the valid rows.",
                title: "The file has invalid rows.")
            : Results.Ok(result);
}
