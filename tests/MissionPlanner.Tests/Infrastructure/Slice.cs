using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>
/// The application's services over a fresh test database: requests go through the real MediatR
/// pipeline (logging, authorisation, validation) as the system or as a given organiser.
/// </summary>
public sealed class Slice : IAsyncDisposable
{
    private Slice(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    private bool ownsDatabase;

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; private set; }

    public TestClock Clock { get; } = new();

    /// <summary>A slice over a fresh database; settings add to or override the configuration.</summary>
    public static async Task<Slice> CreateAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null) =>
        Over(await TestDatabase.CreateAsync(provider), settings, ownsDatabase: true);

    /// <summary>
    /// A slice over a database the caller made (and disposes, unless <paramref name="ownsDatabase"/>):
    /// e.g. one made by the SQL scripts of earlier versions, which no migration has touched.
    /// </summary>
    public static Slice Over(TestDatabase database, IDictionary<string, string?>? settings = null, bool ownsDatabase = false)
    {
        var provider = database.Provider;
        var values = new Dictionary<string, string?>
        {
            ["DataDirectory"] = database.Directory,
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddMissionPlanner(configuration);
        var slice = new Slice(database, null!) { ownsDatabase = ownsDatabase };
        collection.AddSingleton<TimeProvider>(slice.Clock);
        slice.Services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return slice;
    }

    /// <summary>Runs work in a scope of its own, as the system (a job, a CLI verb).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Sends as the system (passes every role check) unless an organiser is given.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request, Guid? asOrganiser = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        if (asOrganiser is { } id)
        {
            user.SignedIn(id);
        }
        else
        {
            user.ActAsSystem();
        }

        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task InsertAsync(params object[] entities)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public async Task<Guid> AddOrganiserAsync(string email)
    {
        var organiser = new Organiser(email, email.Split('@')[0], DateTime.UtcNow);
        await InsertAsync(organiser);
        return organiser.Id;
    }

    public Task GrantAsync(Guid missionId, Guid organiserId, MissionRoleKind role) =>
        InsertAsync(new MissionRole(missionId, organiserId, role));

    public Task<int> CountAsync<TEntity>() where TEntity : class => QueryAsync(db => db.Set<TEntity>().CountAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
