using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MissionPlanner.Data;
using MissionPlanner.Jobs;
using MissionPlanner.Web.Api;
using MissionPlanner.Web.Auth;

namespace MissionPlanner.Web.Hosting;

public static class WebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        services.AddMissionPlanner(builder.Configuration);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        // Registered before the scheduler so the schema exists when jobs start.
        services.AddHostedService<DatabaseInitialiser>();
        services.AddJobs(builder.Configuration);

        services.AddDataProtection().SetApplicationName("MissionPlanner");
        // One node (SQLite): keys in the data directory. A cluster (PostgreSQL): keys in the shared database.
        services.AddOptions<KeyManagementOptions>().Configure<DataDirectory, ILoggerFactory, IOptions<DatabaseOptions>, IServiceScopeFactory, TimeProvider>(
            (o, data, logs, database, scopes, clock) => o.XmlRepository = database.Value.Provider == DatabaseProvider.Postgres
                ? new DatabaseXmlRepository(scopes, clock)
                : new FileSystemXmlRepository(new DirectoryInfo(data.EnsureFolder("keys")), logs));
        services.AddOrganiserAuth();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AllowAnonymousToFolder("/Invite");
            o.Conventions.AllowAnonymousToFolder("/Participant");
            o.Conventions.AllowAnonymousToFolder("/Register");
            o.Conventions.AllowAnonymousToFolder("/Host");
            o.Conventions.AllowAnonymousToFolder("/Ceremony");
            o.Conventions.AllowAnonymousToFolder("/Counterpart");
        }).AddMvcOptions(o =>
        {
            // The commands' validators own the rules, so forms and the API report the same messages.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            o.Filters.Add<Pages.RequireHandlerFilter>();
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mp.af";
            // Secure whenever the request came over HTTPS (behind a proxy: with forwarded headers).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Names such as Öztürk or Ó Súilleabháin stay readable in the HTML; markup characters are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ErrorMapping>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.RespectNullableAnnotations = true;
        });
        // Malformed bodies reach ErrorMapping, which names the offending JSON path.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Guessing sign-in links or personal links is slowed per client address.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var auth = ctx.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                if (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.StartsWithSegments("/signin"))
                {
                    return PerMinute("sign-in:" + client, auth.SignInAttemptsPerMinute);
                }

                if (HttpMethods.IsPost(ctx.Request.Method)
                    && (ctx.Request.Path.StartsWithSegments("/register") || ctx.Request.Path.StartsWithSegments("/api/v1/public")))
                {
                    return PerMinute("register:" + client, auth.PublicRegistrationsPerMinute);
                }

                // Per link, not per address: a delegation on one venue's Wi-Fi shares an address. Guessing is slowed by PersonalLinkLimits.
                return PersonalLinkLimits.IsPersonalLink(ctx.Request.Path)
                    ? PerMinute("personal-link:" + PersonalLinkLimits.LinkOf(ctx.Request.Path), auth.PersonalLinkRequestsPerMinute)
                    : RateLimitPartition.GetNoLimiter("");
            });
            o.OnRejected = (context, ct) => new ValueTask(PersonalLinkLimits.RefuseAsync(context.HttpContext,
                PersonalLinkLimits.IsPersonalLink(context.HttpContext.Request.Path)
                    ? "This link was opened too often in the last minute."
                    : "Too many requests came from here in the last minute.", ct));
        });
        services.AddSingleton<PersonalLinkLimits>();

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static RateLimitPartition<string> PerMinute(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static void Configure(WebApplication app)
    {
        app.UseExceptionHandler();
        // An empty error response (a page's NotFound(), a Forbid()): a page for a browser, problem details for the rest.
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            if (ErrorPage.Wanted(http))
            {
                var phrase = ReasonPhrases.GetReasonPhrase(status);
                await ErrorPage.WriteAsync(http, status, phrase.Length > 0 ? phrase[..1] + phrase[1..].ToLowerInvariant() : $"Error {status}", null, null,
                    http.RequestAborted);
                return;
            }

            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status } }))
            {
                http.Response.ContentType = "text/plain";
                await http.Response.WriteAsync($"Status Code: {status}; {ReasonPhrases.GetReasonPhrase(status)}", http.RequestAborted);
            }
        });
        app.Use(async (ctx, next) =>
        {
            var headers = ctx.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
            headers.XFrameOptions = "DENY";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.Use(async (ctx, next) =>
        {
            if (!PersonalLinkLimits.IsPersonalLink(ctx.Request.Path))
            {
                await next();
                return;
            }

            var limits = ctx.RequestServices.GetRequiredService<PersonalLinkLimits>();
            var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!limits.MayTry(client))
            {
                await PersonalLinkLimits.RefuseAsync(ctx, "Too many links that do not exist were asked for from here in the last minute.", ctx.RequestAborted);
                return;
            }

            // Counted as the response starts: a link not found may also come back through the exception handler.
            ctx.Response.OnStarting(() =>
            {
                if (ctx.Response.StatusCode == StatusCodes.Status404NotFound)
                {
                    limits.Missed(client);
                }

                return Task.CompletedTask;
            });
            await next();
        });
        app.UseAuthentication();
        app.UseCurrentUser();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapMissions().MapVenues().MapProgramme().MapTeam().MapInvitations().MapDelegation().MapRegistrationForm().MapDocuments().MapVisits().MapCeremonies().MapMeetings().MapFollowUp().MapSurveys().MapTravel().MapRooms().MapLetters().MapReport().MapRetention();
        app.MapGroup("/api/v1/public").AllowAnonymous().MapPublicRegistration();
        app.MapCalendarFeed();
        app.MapRazorPages();
    }
}
