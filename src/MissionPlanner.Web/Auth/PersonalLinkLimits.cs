using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MissionPlanner.Web.Auth;

/// <summary>
/// Limits on personal links (/r/…, /i/…, /c/…, /k/…, /h/…, /s/…, /m/…) that slow down guessing without locking out a
/// delegation that shares one venue's Wi-Fi (one address for everyone): each link may be used
/// <see cref="AuthOptions.PersonalLinkRequestsPerMinute"/> times a minute, and an address that asked for
/// <see cref="AuthOptions.PersonalLinkMissesPerMinute"/> links that do not exist in a minute gets 429 on every link until
/// the minute is over. A person using their own link never counts as a guess.
/// </summary>
public sealed class PersonalLinkLimits : IDisposable
{
    private static readonly string[] Prefixes = ["/i", "/r", "/c", "/k", "/h", "/s", "/m"];
    private readonly PartitionedRateLimiter<string> misses;

    public PersonalLinkLimits(IOptions<AuthOptions> options)
    {
        var limit = options.Value.PersonalLinkMissesPerMinute;
        misses = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public static bool IsPersonalLink(PathString path) => Prefixes.Any(p => path.StartsWithSegments(p));

    /// <summary>The link's secret, the path's second segment ("/r/{token}/travel" → token), as the partition of its own limit.</summary>
    public static string LinkOf(PathString path) => path.Value!.Split('/', 4) is [_, var kind, var token, ..] ? $"{kind}/{token}" : path.Value!;

    /// <summary>Whether this address may still try links this minute (its misses are below the limit).</summary>
    public bool MayTry(string client)
    {
        using var lease = misses.AttemptAcquire(client, 0);
        return lease.IsAcquired;
    }

    /// <summary>Counts a link that did not exist against the address.</summary>
    public void Missed(string client) => misses.AttemptAcquire(client).Dispose();

    public void Dispose() => misses.Dispose();

    /// <summary>What a refused request gets: a page a person can read (with when to try again), or problem details for the API.</summary>
    public static async Task RefuseAsync(HttpContext ctx, string why, CancellationToken ct)
    {
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ctx.Response.Headers.RetryAfter = "60";
        if (Hosting.ErrorPage.Wanted(ctx))
        {
            await Hosting.ErrorPage.WriteAsync(ctx, StatusCodes.Status429TooManyRequests, "Too many requests", why, null, ct);
            return;
        }

        await Results.Problem(title: "Too many requests", detail: why + " Wait a minute and try again.", statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(ctx);
    }
}
