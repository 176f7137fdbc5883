namespace MissionPlanner.Common;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Base64 of 32 random bytes that encrypts ID details. Every node of one installation needs the
    /// same key; when empty, a key is created once in the data directory (keys/personal-data.key).
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Keys used before a rotation, still accepted for reading what they encrypted.</summary>
    public List<string> PreviousEncryptionKeys { get; set; } = [];

    /// <summary>
    /// After a rotation, end the calendar-feed addresses derived with the previous keys at the next
    /// start (set this when the old key may be known to others); by default they keep working until
    /// they expire, and pages and emails show new ones.
    /// </summary>
    public bool RevokeCalendarLinksOfPreviousKeys { get; set; }

    /// <summary>ID details are deleted this many days after the mission's last day.</summary>
    public int IdDetailsRetentionDays { get; set; } = 30;

    /// <summary>
    /// Personal data of a mission (registrations, invitations, emails, ceremony guests, counterparts)
    /// is purged this many days after its last day, unless the mission sets its own period; the
    /// anonymous counts the mission report needs stay.
    /// </summary>
    public int PersonalDataRetentionDays { get; set; } = 365;
}
