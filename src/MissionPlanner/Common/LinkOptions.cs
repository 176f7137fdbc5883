namespace MissionPlanner.Common;

public sealed class LinkOptions
{
    /// <summary>Bound from the Auth section: the address people use to reach the app.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Days after the mission's last day that a participant's personal link keeps working (their
    /// itinerary, registration and data export); then it answers 404 like a wrong link. 0–3650.
    /// </summary>
    public int RegistrationLinkDaysAfterMission { get; set; } = 90;
}
