using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Infrastructure;

public static class MailingApp
{
    /// <summary>The environment of an app process on a test database, with its data directory.</summary>
    public static Dictionary<string, string> Environment(TestDatabase database) => new()
    {
        ["MISSIONPLANNER_DATA"] = database.Directory,
        ["Database__Provider"] = database.Provider.ToString(),
        ["Database__ConnectionString"] = database.ConnectionString,
    };

    /// <summary>
    /// The environment of an app as the Quick start runs it, on its SQLite file, sending to the test
    /// SMTP server, on a port known beforehand so the links in its emails point back at it.
    /// </summary>
    public static Dictionary<string, string> Environment(TestDatabase database,
        SmtpSink smtp)
    {
        var port = AppProcess.FreePort();
        return new Dictionary<string, string>(Environment(database))
        {
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__StartTls"] = "false",
            ["Email__PollInterval"] = "00:00:00.300",
            ["Auth__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        };
    }
}
