namespace MissionPlanner.Domain.Meetings;

/// <summary>How much one side wants a meeting, in the preference round (as in Grip and Swapcard matchmaking).</summary>
public enum MeetingInterest
{
    MustMeet,
    WouldLike,
    NoThanks,
}

/// <summary>
/// One side's mark on the other in the preference round: a delegate on a counterpart, or a counterpart on a delegate.
/// Mutual interest decides: a pair is scheduled when both marked the other "must meet" or "would like"; it is a
/// "must meet" when either side said so.
/// </summary>
public sealed class MeetingPreference
{
    private MeetingPreference()
    {
    }

    public MeetingPreference(Guid missionId, Guid delegateId, Guid counterpartId, MeetingParty from, MeetingInterest interest, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        DelegateId = delegateId;
        CounterpartId = counterpartId;
        From = from;
        Mark(interest, now);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid DelegateId { get; private set; }
    public Guid CounterpartId { get; private set; }

    /// <summary>The side whose mark this is.</summary>
    public MeetingParty From { get; private set; }
    public MeetingInterest Interest { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Mark(MeetingInterest interest, DateTime now)
    {
        Interest = interest;
        UpdatedAt = now;
    }

    /// <summary>Both marks show interest; the meeting is a "must meet" when either side said so. Null: no meeting.</summary>
    public static bool? Mutual(MeetingInterest? delegateMark, MeetingInterest? counterpartMark) =>
        delegateMark is MeetingInterest.MustMeet or MeetingInterest.WouldLike && counterpartMark is MeetingInterest.MustMeet or MeetingInterest.WouldLike
            ? delegateMark == MeetingInterest.MustMeet || counterpartMark == MeetingInterest.MustMeet
            : null;
}
