using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Features.Demo;
using MissionPlanner.Features.Organisers;
using MissionPlanner.Jobs;

namespace MissionPlanner.Web.Hosting;

/// <summary>The operator's verbs: serve (default), worker, migrate, seed-demo, organiser add EMAIL.</summary>
public static class Cli
{
    public const string Usage = """
        usage: MissionPlanner.Web [verb]
          serve                  run the web app and background jobs (default)
          worker                 run background jobs only, no HTTP
          migrate                apply pending database migrations
          seed-demo              add the demo mission if it is missing
          organiser add EMAIL    create an organiser; prints a sign-in link and, last, "token: <api token>"
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length == 0 || args[0].StartsWith('-') ? "serve" : args[0];
        var rest = verb == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        try
        {
            switch (verb)
            {
                case "serve":
                    await WebApp.Build(rest).RunAsync();
                    // Non-zero when a background part stopped the app because it could not run (SchedulerService).
                    return Environment.ExitCode;
                case "worker":
                    await Worker.Build(rest).RunAsync();
                    return Environment.ExitCode;
                case "migrate":
                    return await WithServicesAsync(rest, async sp =>
                    {
                        var result = await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                        Console.WriteLine(result.Applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", result.Applied)}");
                        return 0;
                    });
                case "seed-demo":
                    return await WithServicesAsync(rest, async sp =>
                    {
                        await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                        var id = await sp.GetRequiredService<IMediator>().Send(new SeedDemoMissionCommand());
                        Console.WriteLine(id is null ? "The demo mission already exists." : $"Seeded the demo mission {id}.");
                        return 0;
                    });
                case "organiser" when rest.Length >= 2 && rest[0] == "add":
                    return await WithServicesAsync(rest[2..], async sp =>
                    {
                        await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                        var added = await sp.GetRequiredService<IMediator>().Send(new AddOrganiserCommand(rest[1], null));
                        var links = sp.GetRequiredService<PublicLinks>();
                        Console.WriteLine(added.Created ? $"Created organiser {rest[1]}." : $"Organiser {rest[1]} already exists; issued a new token.");
                        if (added.DemoMissionId is { } demo)
                        {
                            Console.WriteLine($"Owner of the demo mission {demo}.");
                        }

                        Console.WriteLine($"One-time sign-in link (valid {SignInLinkLifetime}): {links.SignIn(added.SignInToken)}");
                        Console.WriteLine($"token: {added.ApiToken}");
                        return 0;
                    });
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (MigrationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (FluentValidation.ValidationException ex)
        {
            Console.Error.WriteLine($"error: {string.Join("; ", ex.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");
            return 2;
        }
    }

    private static string SignInLinkLifetime => $"{Domain.Organisers.SignInLink.Lifetime.TotalMinutes:F0} minutes";

    private static async Task<int> WithServicesAsync(string[] args, Func<IServiceProvider, Task<int>> action)
    {
        var builder = Host.CreateApplicationBuilder(args);
        // Stdout carries only the verb's answer (scripts read "token: …" from its last line);
        // warnings and errors go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Services.AddMissionPlanner(builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await action(scope.ServiceProvider);
    }
}

/// <summary>A node that runs background jobs without serving HTTP.</summary>
public static class Worker
{
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddMissionPlanner(builder.Configuration);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddHostedService<DatabaseInitialiser>();
        builder.Services.AddJobs(builder.Configuration);
        return builder.Build();
    }
}
