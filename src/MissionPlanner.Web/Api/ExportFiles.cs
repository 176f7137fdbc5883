using MissionPlanner.Common;

namespace MissionPlanner.Web.Api;

/// <summary>A download (<see cref="ExportFile"/>) as an endpoint's answer: its bytes, content type and file name.</summary>
public static class ExportFiles
{
    public static IResult ToResult(this ExportFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}
