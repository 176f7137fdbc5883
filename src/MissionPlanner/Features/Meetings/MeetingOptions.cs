namespace MissionPlanner.Features.Meetings;

/// <summary>Settings of the B2B meetings (section "Meetings").</summary>
public sealed class MeetingOptions
{
    public const string Section = "Meetings";

    /// <summary>Someone who has not answered a meeting request is reminded this long after it (and after each reminder).</summary>
    public TimeSpan RequestReminderInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>At most this many reminders per request; organisers see what is still waiting on the Counterparts page.</summary>
    public int RequestReminderLimit { get; set; } = 2;

    /// <summary>Both sides are asked again what came of a meeting this long after it (b2match asks after about six months).</summary>
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromDays(182);

    /// <summary>An outcome question still unanswered is asked once more this long after it was sent.</summary>
    public TimeSpan OutcomeReminderAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The link in an outcome question works at least this long after it is sent, even when the person's link would have
    /// expired by then (Auth:RegistrationLinkDaysAfterMission): the follow-up comes months after the mission.
    /// </summary>
    public TimeSpan OutcomeAnswerWindow { get; set; } = TimeSpan.FromDays(30);
}
