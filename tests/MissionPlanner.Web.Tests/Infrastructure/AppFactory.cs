using System.Net.Http.Headers;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Organisers;
using MissionPlanner.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Infrastructure;

/// <summary>
/// The whole web app in memory over a fresh test database (SQLite or PostgreSQL), with a clock
/// the test can move. Organisers are created through the same command as the CLI verb.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly IDictionary<string, string?> settings;

    private readonly TestClock? clock;

    private AppFactory(TestDatabase database, IDictionary<string, string?>? settings, bool frozenClock)
    {
        this.database = database;
        this.settings = settings ?? new Dictionary<string, string?>();
        if (frozenClock)
        {
            clock = new TestClock();
            // Quartz takes the container's TimeProvider too; a frozen clock would stop its triggers.
            this.settings["Jobs:Enabled"] = "false";
        }
    }

    /// <summary>The application's clock, which the test moves; only with frozenClock (and then no background jobs run).</summary>
    public TestClock Clock => clock ?? throw new InvalidOperationException("Create the factory with frozenClock: true to move time.");

    public static async Task<AppFactory> CreateAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null,
        bool frozenClock = false, bool migrated = true) =>
        new(await TestDatabase.CreateAsync(provider, migrated), settings, frozenClock);

    /// <summary>Settings that send mail to a real SMTP test server, dispatched every half second.</summary>
    public static Dictionary<string, string?> Smtp(SmtpSink smtp) => new()
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtp.Port.ToString(),
        ["Email:StartTls"] = "false",
        ["Email:FromAddress"] = "mission@missionplanner.example",
        ["Email:PollInterval"] = "00:00:00.500",
        ["Auth:PublicBaseUrl"] = "http://localhost",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("DataDirectory", database.Directory);
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null)
        {
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<AddedOrganiser> AddOrganiserAsync(string email) => SendAsync(new AddOrganiserCommand(email, null, GrantDemoMission: false));

    /// <summary>An API client authenticated as a new organiser.</summary>
    public async Task<(HttpClient Client, AddedOrganiser Organiser)> ApiClientAsync(string email)
    {
        var organiser = await AddOrganiserAsync(email);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", organiser.ApiToken);
        return (client, organiser);
    }

    public async Task GrantAsync(Guid missionId, Guid organiserId, MissionRoleKind role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.MissionRoles.Add(new MissionRole(missionId, organiserId, role));
        await db.SaveChangesAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
