namespace MissionPlanner.Domain.Common;

/// <summary>
/// A value the app itself keeps in the database, shared by every node: what it last did that depends
/// on configuration, so that a node can tell when the configuration changed (e.g. the link-expiry rule).
/// </summary>
public sealed class AppSetting
{
    public const int KeyMax = 100;
    public const int ValueMax = 2000;

    private AppSetting()
    {
    }

    public AppSetting(string key, string value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; private set; } = "";
    public string Value { get; set; } = "";
}
