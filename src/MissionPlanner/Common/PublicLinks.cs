using System.Globalization;
using Microsoft.Extensions.Options;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Common;

/// <summary>Absolute links and human dates for what leaves the app (emails, printed links).</summary>
public sealed class PublicLinks(IOptions<LinkOptions> options)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string SignIn(string token) => $"{Base}/signin/link?token={Uri.EscapeDataString(token)}";

    public string Invitation(string token) => $"{Base}/i/{Uri.EscapeDataString(token)}";

    /// <summary>A host's page for confirming the visits it receives.</summary>
    public string Host(string token) => $"{Base}/h/{Uri.EscapeDataString(token)}";

    /// <summary>A signatory's or dignitary's page for confirming they attend a ceremony.</summary>
    public string Ceremony(string token) => $"{Base}/s/{Uri.EscapeDataString(token)}";

    /// <summary>A B2B counterpart's page: profile, availability, the directory and their meetings.</summary>
    public string Counterpart(string token) => $"{Base}/m/{Uri.EscapeDataString(token)}";

    public string Registration(string token) => $"{Base}/r/{Uri.EscapeDataString(token)}";

    /// <summary>The page where anyone registers when a mission's registration is open or subject to approval.</summary>
    public string OpenRegistration(Guid missionId) => $"{Base}/register/{missionId}";

    public static string Dates(DateOnly start, DateOnly end) =>
        start == end ? start.ToString("dddd d MMMM yyyy", English)
        : start.Month == end.Month && start.Year == end.Year
            ? $"{start.ToString("dddd d", English)} – {end.ToString("dddd d MMMM yyyy", English)}"
            : $"{start.ToString("dddd d MMMM", English)} – {end.ToString("dddd d MMMM yyyy", English)}";

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", English);

    public static string Where(Mission mission) => $"{mission.HostCity}, {mission.HostCountry}";
}
