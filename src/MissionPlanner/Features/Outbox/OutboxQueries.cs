using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Outbox;

public sealed record OutboxMessageDto(
    Guid Id, string Template, string ToAddress, string ToName, string Subject, OutboxStatus Status, int Attempts,
    DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError, string? Batch);

public sealed record BatchProgress(string Batch, int Total, int Sent, int Failed, int Waiting, DateTime StartedAt)
{
    public bool Done => Waiting == 0;

    /// <summary>When the last waiting message should go (UTC), if a sending rate or a pause holds the batch back; null when it goes as fast as the server takes it.</summary>
    public DateTime? ExpectedDoneAt { get; init; }
}

/// <summary>What holds sending back, for every mission: the server's pause (until, and its reply) and the configured rates (0 = none).</summary>
public sealed record SendingPace(DateTime? PausedUntil, string? PauseReason, int PerMinute, int PerDay)
{
    public bool Limited => PausedUntil is not null || PerMinute > 0 || PerDay > 0;
}

public sealed record OutboxOverview(
    IReadOnlyDictionary<OutboxStatus, int> Counts, IReadOnlyList<BatchProgress> Batches, IReadOnlyList<OutboxMessageDto> Messages)
{
    public SendingPace Pace { get; init; } = new(null, null, 0, 0);

    /// <summary>The instant the overview was read (UTC), to say "today" or another day beside times.</summary>
    public DateTime Now { get; init; }
}

/// <summary>The mission's outgoing mail: counts, progress of recent batches, and the messages (filtered, newest first).</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetOutboxQuery(Guid MissionId, OutboxStatus? Status = null, string? Search = null, int Take = 200)
    : IRequest<OutboxOverview>, IMissionRequest;

public sealed class GetOutboxHandler(AppDbContext db, TimeProvider clock, IOptions<EmailOptions> options) : IRequestHandler<GetOutboxQuery, OutboxOverview>
{
    public async Task<OutboxOverview> Handle(GetOutboxQuery request, CancellationToken cancellationToken)
    {
        var mine = db.OutboxMessages.AsNoTracking().Where(m => m.MissionId == request.MissionId);
        var counts = (await mine.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        var batches = await mine.Where(m => m.Batch != null)
            .GroupBy(m => m.Batch!)
            .Select(g => new BatchProgress(g.Key, g.Count(),
                g.Count(m => m.Status == OutboxStatus.Sent),
                g.Count(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Cancelled),
                g.Count(m => m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Sending),
                g.Min(m => m.CreatedAt)))
            .ToListAsync(cancellationToken);

        var search = request.Search?.Trim().ToLowerInvariant();
        var messages = await mine
            .Where(m => request.Status == null || m.Status == request.Status)
            .Where(m => string.IsNullOrEmpty(search) || m.ToAddress.Contains(search) || m.ToName.ToLower().Contains(search))
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.ToAddress)
            .Take(Math.Clamp(request.Take, 1, 1000))
            .Select(m => new OutboxMessageDto(m.Id, m.Template, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.CreatedAt,
                m.NextAttemptAt, m.SentAt, m.LastError, m.Batch))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await db.MailDispatchStates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == MailDispatchState.SingletonId, cancellationToken);
        var paused = state?.PausedUntil > now;
        var pace = new SendingPace(paused ? state!.PausedUntil : null, paused ? state!.PauseReason : null,
            options.Value.MessagesPerMinute, options.Value.MessagesPerDay);
        var recent = batches.OrderByDescending(b => b.StartedAt).Take(5).ToList();
        if (pace.Limited && recent.Any(b => !b.Done))
        {
            var used = await SendingRates.UsedAsync(db, pace.PerMinute, pace.PerDay, now, cancellationToken);
            for (var i = 0; i < recent.Count; i++)
            {
                recent[i] = recent[i] with { ExpectedDoneAt = await ExpectedDoneAtAsync(request.MissionId, recent[i], pace, now, used, cancellationToken) };
            }
        }

        return new OutboxOverview(counts, recent, messages) { Pace = pace, Now = now };
    }

    /// <summary>
    /// The batch's last waiting message goes after every queued message due before it, of any
    /// mission (the dispatcher sends in order of due time): what the current minute and day still
    /// allow goes first, the rest a full window later for each window's worth, from the end of the
    /// server's pause if there is one.
    /// </summary>
    private async Task<DateTime?> ExpectedDoneAtAsync(Guid missionId, BatchProgress batch, SendingPace pace, DateTime now,
        (int ThisMinute, int Today) used, CancellationToken ct)
    {
        if (batch.Done)
        {
            return null;
        }

        var last = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MissionId == missionId && m.Batch == batch.Batch && (m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Sending))
            .MaxAsync(m => (DateTime?)m.NextAttemptAt, ct);
        if (last is null)
        {
            return null;
        }

        var position = await db.OutboxMessages.AsNoTracking().CountAsync(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= last, ct);
        var wait = TimeSpan.Zero;
        foreach (var (limit, usedOfIt, window) in SendingRates.Windows(pace.PerMinute, pace.PerDay, used))
        {
            var allowedNow = Math.Max(0, limit - usedOfIt);
            if (position > allowedNow)
            {
                var windows = (int)Math.Ceiling((position - allowedNow) / (double)limit);
                wait = window * windows > wait ? window * windows : wait;
            }
        }

        var start = pace.PausedUntil is { } paused && paused > now ? paused : now;
        return start + wait > last.Value ? start + wait : last.Value;
    }
}
