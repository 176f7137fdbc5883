namespace MissionPlanner.Common;

public sealed class LinkOptions
{
    /// <summary>Bound from the Auth section: the address people use to reach the app.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
