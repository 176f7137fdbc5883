namespace MissionPlanner.Data;

/// <summary>
/// One key of ASP.NET Core data protection (sign-in cookies, antiforgery tokens), kept in the
/// database so that every node of a cluster signs and reads the same cookies.
/// </summary>
public sealed class DataProtectionKey
{
    private DataProtectionKey()
    {
    }

    public DataProtectionKey(string name, string xml, DateTime createdAt)
    {
        Name = name;
        Xml = xml;
        CreatedAt = createdAt;
    }

    public string Name { get; private set; } = "";
    public string Xml { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
