using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages;

/// <summary>The model of <c>_Directory</c>: the entries, the filter they were chosen by, and whether to say who is a delegate or a counterpart.</summary>
public sealed record DirectoryPartial(DirectoryView View, DirectoryFilter Filter, bool ShowKind);
