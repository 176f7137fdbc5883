namespace MissionPlanner.Features.Programme;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Programme changes are emailed once the programme has been quiet this long, together.</summary>
    public TimeSpan ProgrammeChangeDebounce { get; set; } = TimeSpan.FromMinutes(10);
}
