using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Domain.Meetings;

/// <summary>One slot of a session, numbered from 1, in UTC.</summary>
public sealed record SessionSlot(int Number, DateTime StartsAt, DateTime EndsAt);

/// <summary>
/// How a programme item of kind <see cref="ProgrammeItemKind.B2BMeetings"/> is run: back-to-back slots
/// of <see cref="SlotMinutes"/> with <see cref="BreakMinutes"/> between them from the item's start, as
/// many as fit before its end, each with <see cref="Tables"/> tables (or rooms) holding one meeting.
/// The slots follow the item: moving it moves them.
/// </summary>
public sealed class MeetingSession : IVersioned
{
    public const int TablesMax = 500;

    private MeetingSession()
    {
    }

    public MeetingSession(ProgrammeItem item, int slotMinutes, int breakMinutes, int tables)
    {
        ProgrammeItemId = item.Id;
        MissionId = item.MissionId;
        Configure(item, slotMinutes, breakMinutes, tables);
    }

    /// <summary>The session's programme item (its key too: one session per item).</summary>
    public Guid ProgrammeItemId { get; private set; }
    public Guid MissionId { get; private set; }

    /// <summary>Length of one meeting, in minutes (5–240).</summary>
    public int SlotMinutes { get; private set; }

    /// <summary>Time between two slots for people to change tables, in minutes (0–120).</summary>
    public int BreakMinutes { get; private set; }

    /// <summary>Tables or rooms: meetings at once in one slot (1–500).</summary>
    public int Tables { get; private set; }
    public int Version { get; set; }

    /// <exception cref="DomainException">On the field at fault: not a B2B meetings item, a length or count out of range, or no slot fits in the item.</exception>
    public void Configure(ProgrammeItem item, int slotMinutes, int breakMinutes, int tables)
    {
        if (item.Kind != ProgrammeItemKind.B2BMeetings)
        {
            throw new DomainException("Kind", $"'{item.Title}' is not a B2B meetings session: set its kind to B2B meetings first.");
        }

        if (slotMinutes is < 5 or > 240)
        {
            throw new DomainException(nameof(SlotMinutes), "A meeting slot lasts between 5 and 240 minutes.");
        }

        if (breakMinutes is < 0 or > 120)
        {
            throw new DomainException(nameof(BreakMinutes), "A break between slots lasts between 0 and 120 minutes.");
        }

        if (tables is < 1 or > TablesMax)
        {
            throw new DomainException(nameof(Tables), $"A session has between 1 and {TablesMax} tables.");
        }

        var length = (int)(item.EndsAt - item.StartsAt).TotalMinutes;
        if (slotMinutes > length)
        {
            throw new DomainException(nameof(SlotMinutes), $"A {slotMinutes}-minute slot does not fit in '{item.Title}', which lasts {length} minutes.");
        }

        SlotMinutes = slotMinutes;
        BreakMinutes = breakMinutes;
        Tables = tables;
    }

    /// <summary>The slots as they fall in <paramref name="item"/> now; none when the item was shortened below one slot.</summary>
    public IReadOnlyList<SessionSlot> Slots(ProgrammeItem item) => SlotsBetween(item.StartsAt, item.EndsAt);

    public IReadOnlyList<SessionSlot> SlotsBetween(DateTime startsAt, DateTime endsAt)
    {
        var slots = new List<SessionSlot>();
        for (var start = startsAt; start.AddMinutes(SlotMinutes) <= endsAt; start = start.AddMinutes(SlotMinutes + BreakMinutes))
        {
            slots.Add(new SessionSlot(slots.Count + 1, start, start.AddMinutes(SlotMinutes)));
        }

        return slots;
    }
}
