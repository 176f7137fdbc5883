using MissionPlanner.Features.Meetings;

namespace MissionPlanner.Web.Pages;

/// <summary>
/// The model of <c>_Directory</c>: the entries, the filter they were chosen by, whether to say who is a delegate or a
/// counterpart, the people the viewer may still ask for a meeting (a form on their card; null: no forms), and in an open
/// preference round the viewer's marks (a form on every card; null: no round open).
/// </summary>
public sealed record DirectoryPartial(
    DirectoryView View, DirectoryFilter Filter, bool ShowKind, IReadOnlySet<Guid>? CanAsk = null,
    IReadOnlyDictionary<Guid, MissionPlanner.Domain.Meetings.MeetingInterest>? Interests = null);
