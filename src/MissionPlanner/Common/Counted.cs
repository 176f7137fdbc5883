namespace MissionPlanner.Common;

/// <summary>A count with its noun in the right number: "1 visitor", "3 visitors", "1 person", "2 people".</summary>
public static class Counted
{
    public static string Of(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

    public static string People(int count) => Of(count, "person", "people");
}
