using System.ComponentModel.DataAnnotations;

namespace MissionPlanner.Web.Pages.Missions;

/// <summary>The mission form's fields; the rules live in the commands' validators.</summary>
public sealed class MissionInput
{
    public string Title { get; set; } = "";
    public string? Summary { get; set; }

    [Display(Name = "Host country")]
    public string HostCountry { get; set; } = "";

    [Display(Name = "Host city")]
    public string HostCity { get; set; } = "";

    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "Europe/London";

    [Display(Name = "First day")]
    [DataType(DataType.Date)]
    public DateOnly StartDate { get; set; }

    [Display(Name = "Last day")]
    [DataType(DataType.Date)]
    public DateOnly EndDate { get; set; }

    public int Version { get; set; }

    public static IEnumerable<string> TimeZones { get; } =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/')).Order().ToArray();
}
