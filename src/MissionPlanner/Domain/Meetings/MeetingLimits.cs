using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Meetings;

/// <summary>The ranges of the organisers' per-person meeting caps and priorities.</summary>
public static class MeetingLimits
{
    public const int CapMax = 50;
    public const int PriorityMax = 10;

    /// <exception cref="DomainException">On <c>MeetingCap</c> or <c>MeetingPriority</c> when out of range.</exception>
    public static void Check(int? cap, int priority)
    {
        if (cap is < 0 or > CapMax)
        {
            throw new DomainException("MeetingCap", $"A meeting cap is between 0 and {CapMax}, or empty for no limit.");
        }

        if (priority is < 0 or > PriorityMax)
        {
            throw new DomainException("MeetingPriority", $"A meeting priority is between 0 (normal) and {PriorityMax} (served first).");
        }
    }
}
