using FluentValidation;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Messaging;
using Npgsql;

namespace MissionPlanner;

public static class MissionPlannerServices
{
    /// <summary>Data, request pipeline and features: everything a web node, a worker or a test host needs.</summary>
    public static IServiceCollection AddMissionPlanner(this IServiceCollection services, IConfiguration configuration)
    {
        // One message per field: "must not be empty" says it all, without "is not a valid email" after it.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        // Resolved when first needed, so hosts (and test hosts) can still change configuration until then.
        services.AddSingleton(sp => DataDirectory.Resolve(sp.GetRequiredService<IConfiguration>()["DataDirectory"]));
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextPool<AppDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<DataDirectory>(),
                sp.GetRequiredService<DomainEventInterceptor>()));
        services.AddSingleton<DomainEventInterceptor>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<CurrentUser>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => o.BatchSize > 0, "Email:BatchSize must be positive.")
            .Validate(o => o.Connections is >= 1 and <= 10, "Email:Connections must be from 1 to 10.")
            .Validate(o => !o.FromAddress.Contains('\n') && o.FromAddress.Contains('@'), "Email:FromAddress must be an email address.")
            .Validate(o => o.MessagesPerMinute >= 0 && o.MessagesPerDay >= 0 && o.MessagesPerConnection >= 0,
                "Email:MessagesPerMinute, MessagesPerDay and MessagesPerConnection must be 0 (no limit) or more.")
            .Validate(o => o.ThrottlePause > TimeSpan.Zero && o.MaxThrottlePause >= o.ThrottlePause,
                "Email:ThrottlePause must be positive and Email:MaxThrottlePause at least as long.")
            .Validate(o => EmailTransport.CanLoadTrusted(o.TrustedCertificateFile),
                "Email:TrustedCertificateFile must name a readable certificate file (PEM or DER).")
            .ValidateOnStart();
        services.AddScoped<OutboxWriter>();
        services.AddOptions<LinkOptions>().BindConfiguration("Auth")
            .Validate(o => o.RegistrationLinkDaysAfterMission is >= 0 and <= 3650, "Auth:RegistrationLinkDaysAfterMission must be between 0 and 3650.")
            .ValidateOnStart();
        services.AddSingleton<Features.Links.LinkExpiry>();
        services.AddScoped<Features.Links.PersonalLinks>();
        services.AddSingleton<Features.Links.LinkUses>();
        services.AddScoped<IMigrationFollowUp, Features.Links.PersonalLinkFollowUp>();
        services.AddScoped<IMigrationFollowUp, Features.Registrations.PhoneNumberFollowUp>();
        services.AddSingleton<PublicLinks>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section)
            .Validate(o => o.IdDetailsRetentionDays is >= 0 and <= 3650, "Privacy:IdDetailsRetentionDays must be between 0 and 3650.")
            .Validate(o => o.PersonalDataRetentionDays is >= 0 and <= 3650, "Privacy:PersonalDataRetentionDays must be between 0 and 3650.")
            .ValidateOnStart();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<Features.Registrations.RegistrationBatcher>();
        services.AddSingleton<Features.Itinerary.CalendarLinks>();
        services.AddSingleton<Features.CheckIn.CheckInLinks>();
        services.AddOptions<Documents.DocumentOptions>().BindConfiguration(Documents.DocumentOptions.Section)
            .Validate(o => o.RenderTimeout > TimeSpan.Zero && o.BatchSize is >= 1 and <= 200 && o.ParallelPrints is >= 1 and <= 8 && o.MaxOpenPages >= o.ParallelPrints
                           && o.MaxOpenPages <= 16,
                "Documents:RenderTimeout must be positive, Documents:BatchSize between 1 and 200, Documents:ParallelPrints between 1 and 8, "
                + "Documents:MaxOpenPages at least Documents:ParallelPrints and at most 16.")
            .ValidateOnStart();
        services.AddSingleton<Documents.PdfRenderer>();
        services.AddOptions<Features.Programme.NotificationOptions>().BindConfiguration(Features.Programme.NotificationOptions.Section);
        services.AddOptions<Features.Visits.VisitOptions>().BindConfiguration(Features.Visits.VisitOptions.Section);
        services.AddOptions<Features.Meetings.MeetingOptions>().BindConfiguration(Features.Meetings.MeetingOptions.Section)
            .Validate(o => o.RequestReminderInterval > TimeSpan.Zero && o.RequestReminderLimit is >= 0 and <= 10,
                "Meetings:RequestReminderInterval must be positive and Meetings:RequestReminderLimit between 0 and 10.")
            .Validate(o => o.FollowUpAfter > TimeSpan.Zero && o.OutcomeReminderAfter > TimeSpan.Zero && o.OutcomeAnswerWindow >= TimeSpan.FromDays(1),
                "Meetings:FollowUpAfter and Meetings:OutcomeReminderAfter must be positive, Meetings:OutcomeAnswerWindow at least a day.")
            .ValidateOnStart();
        services.AddOptions<Features.Ceremonies.CeremonyOptions>().BindConfiguration(Features.Ceremonies.CeremonyOptions.Section);
        services.AddOptions<Features.FollowUp.FollowUpOptions>().BindConfiguration(Features.FollowUp.FollowUpOptions.Section)
            .Validate(o => o.ReminderDaysBefore is >= 1 and <= 60, "FollowUp:ReminderDaysBefore must be between 1 and 60.")
            .ValidateOnStart();
        services.AddOptions<Features.Surveys.SurveyOptions>().BindConfiguration(Features.Surveys.SurveyOptions.Section)
            .Validate(o => o.ReminderAfterDays is >= 1 and <= 60, "Surveys:ReminderAfterDays must be between 1 and 60.")
            .ValidateOnStart();
        services.AddOptions<Features.Rooms.RoomOptions>().BindConfiguration(Features.Rooms.RoomOptions.Section)
            .Validate(o => o.ReleaseReminderDays is >= 1 and <= 60, "Rooms:ReleaseReminderDays must be between 1 and 60.")
            .ValidateOnStart();
        services.AddMediatorAndValidators();
        return services;
    }

    /// <summary>
    /// The provider, its connection and migrations assembly, and the domain-event interceptor (one
    /// without handlers when none is given: versions are still raised as the app does).
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, DataDirectory data,
        DomainEventInterceptor? events = null)
    {
        options.AddInterceptors(events ?? DomainEventInterceptor.WithoutHandlers);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            UseCompiledModel(options, DatabaseProvider.Postgres);
            options.UseNpgsql(PostgresConnectionString(database), o => o.MigrationsAssembly(DatabaseMigrator.PostgresMigrations));
            return;
        }

        UseCompiledModel(options, DatabaseProvider.Sqlite);
        options.UseSqlite(SqliteConnectionString(database, data), o => o.MigrationsAssembly(DatabaseMigrator.SqliteMigrations));
    }

    /// <summary>
    /// The provider's compiled model (Data/CompiledModels/{provider}, made by scripts/compile-model.sh):
    /// building the model from the configurations took 0.3–0.5 s of every start. Looked up by name so
    /// that the script can delete and regenerate it; without it EF Core builds the model as before.
    /// </summary>
    private static void UseCompiledModel(DbContextOptionsBuilder options, DatabaseProvider provider)
    {
        if (CompiledModels.GetOrAdd(provider, static p => typeof(AppDbContext).Assembly
                .GetType($"MissionPlanner.Data.CompiledModels.{p}.AppDbContextModel")?
                .GetProperty("Instance")?.GetValue(null) as Microsoft.EntityFrameworkCore.Metadata.IModel) is { } model)
        {
            options.UseModel(model);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseProvider, Microsoft.EntityFrameworkCore.Metadata.IModel?> CompiledModels = new();

    /// <summary>
    /// The configured connection string, with Npgsql's automatic preparation on unless it says
    /// otherwise: the same few statements run for every registration and email, and preparing them
    /// once per connection saved PostgreSQL their parsing and planning (registrations +15 %).
    /// Behind a pooler that cannot keep prepared statements, set "Max Auto Prepare=0".
    /// </summary>
    public static string PostgresConnectionString(DatabaseOptions database)
    {
        // Npgsql's own builder knows every keyword, so only the string as written says what was set.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return database.ConnectionString!;
        }

        return new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 50 }.ConnectionString;
    }

    public static string SqliteConnectionString(DatabaseOptions database, DataDirectory data) =>
        string.IsNullOrWhiteSpace(database.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = data.Combine("missionplanner.db"), Pooling = true }.ToString()
            : database.ConnectionString;

    // MediatR 5 predates its DI package's current versions, so handlers are registered by scanning here.
    private static void AddMediatorAndValidators(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorisationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        foreach (var type in typeof(MissionPlannerServices).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            if (typeof(IDomainEventHandler).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IDomainEventHandler), type);
            }

            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    services.AddTransient(contract, type);
                }
                else if (definition == typeof(IValidator<>) && type.Name.EndsWith("Validator", StringComparison.Ordinal) && contract.GetGenericArguments()[0].IsClass)
                {
                    // Validators hold rules only, no state: building them once saves work on every request.
                    services.AddSingleton(contract, type);
                }
            }
        }
    }
}
