using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;

namespace MissionPlanner.Features.Outbox;

/// <summary>
/// The one rule for the configured sending rates (<c>Email:MessagesPerMinute</c>,
/// <c>Email:MessagesPerDay</c>; 0 = no limit), used by the dispatcher to decide how much it may
/// claim and by the Outbox page to say when a batch should finish: what counts against a rate is
/// every message sent in its window plus every message being sent now, on any node.
/// </summary>
internal static class SendingRates
{
    /// <summary>How many of each window's messages are used (0 for a rate that is not set).</summary>
    public static async Task<(int ThisMinute, int Today)> UsedAsync(AppDbContext db, int perMinute, int perDay, DateTime now, CancellationToken ct)
    {
        if (perMinute <= 0 && perDay <= 0)
        {
            return (0, 0);
        }

        var sending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sending, ct);
        var (minuteAgo, dayAgo) = (now.AddMinutes(-1), now.AddDays(-1));
        var thisMinute = perMinute > 0 ? sending + await db.OutboxMessages.CountAsync(m => m.SentAt > minuteAgo, ct) : 0;
        var today = perDay > 0 ? sending + await db.OutboxMessages.CountAsync(m => m.SentAt > dayAgo, ct) : 0;
        return (thisMinute, today);
    }

    /// <summary>Each set rate with what is used of it and its window.</summary>
    public static IEnumerable<(int Limit, int Used, TimeSpan Window)> Windows(int perMinute, int perDay, (int ThisMinute, int Today) used) =>
        new[] { (perMinute, used.ThisMinute, TimeSpan.FromMinutes(1)), (perDay, used.Today, TimeSpan.FromDays(1)) }.Where(w => w.Item1 > 0);

    /// <summary>How many more messages may go now: the least any set rate still allows (int.MaxValue without rates).</summary>
    public static int Allowance(int perMinute, int perDay, (int ThisMinute, int Today) used) =>
        Windows(perMinute, perDay, used).Select(w => Math.Max(0, w.Limit - w.Used)).DefaultIfEmpty(int.MaxValue).Min();
}
