namespace MissionPlanner.Features.Visits;

public sealed class VisitOptions
{
    public const string Section = "Visits";

    /// <summary>Hosts who have not answered are reminded this often after the request.</summary>
    public TimeSpan HostReminderInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>At most this many reminders per host; organisers see who is still pending.</summary>
    public int HostReminderLimit { get; set; } = 3;
}
