namespace MissionPlanner.Features.Ceremonies;

public sealed class CeremonyOptions
{
    public const string Section = "Ceremonies";

    /// <summary>Signatories and dignitaries who have not confirmed are reminded this often, at most ReminderLimit times.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(3);

    public int ReminderLimit { get; set; } = 3;
}
