using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
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
        var state = await db.MailDispatchStates.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var paused = state?.PausedUntil > now;
        var pace = new SendingPace(paused ? state!.PausedUntil : null, paused ? state!.PauseReason : null,
            options.Value.MessagesPerMinute, options.Value.MessagesPerDay);
        var recent = batches.OrderByDescending(b => b.StartedAt).Take(5).ToList();
        if (pace.Limited)
        {
            for (var i = 0; i < recent.Count; i++)
            {
                recent[i] = recent[i] with { ExpectedDoneAt = await ExpectedDoneAtAsync(request.MissionId, recent[i], pace, now, cancellationToken) };
            }
        }

        return new OutboxOverview(counts, recent, messages) { Pace = pace };
    }

    /// <summary>
    /// The batch's last waiting message goes after every message due before it, of any mission
    /// (the dispatcher sends in order of due time); at the configured rates from now, or from the
    /// end of the server's pause.
    /// </summary>
    private async Task<DateTime?> ExpectedDoneAtAsync(Guid missionId, BatchProgress batch, SendingPace pace, DateTime now, CancellationToken ct)
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

        var position = await db.OutboxMessages.AsNoTracking()
            .CountAsync(m => (m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= last, ct);
        var start = new[] { now, last.Value, pace.PausedUntil ?? now }.Max();
        var wait = TimeSpan.Zero;
        if (pace.PerMinute > 0)
        {
            wait = TimeSpan.FromMinutes((position - 1) / pace.PerMinute);
        }

        if (pace.PerDay > 0 && position > pace.PerDay)
        {
            wait = TimeSpan.FromDays((position - 1) / pace.PerDay) > wait ? TimeSpan.FromDays((position - 1) / pace.PerDay) : wait;
        }

        return start + wait;
    }
}

/// <summary>Puts a failed or cancelled message back in the queue, with its attempts reset.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ResendMessageCommand(Guid MissionId, Guid MessageId) : IRequest<Unit>, IMissionRequest;

public sealed class ResendMessageHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<ResendMessageCommand, Unit>
{
    public async Task<Unit> Handle(ResendMessageCommand request, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.MissionId == request.MissionId && m.Id == request.MessageId, cancellationToken)
            ?? throw new NotFoundException("Message");
        if (!message.CanResend)
        {
            throw new DomainException("Status", $"Only failed or cancelled messages can be sent again; this one is {message.Status}.");
        }

        message.Resend(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Cancels queued messages: one, or every queued message of a batch.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CancelMessagesCommand(Guid MissionId, Guid? MessageId, string? Batch) : IRequest<int>, IMissionRequest;

public sealed class CancelMessagesHandler(AppDbContext db) : IRequestHandler<CancelMessagesCommand, int>
{
    public async Task<int> Handle(CancelMessagesCommand request, CancellationToken cancellationToken)
    {
        if (request.MessageId is null && string.IsNullOrEmpty(request.Batch))
        {
            throw new DomainException("MessageId", "Say which message or batch to cancel.");
        }

        // Conditional update: a message the dispatcher has already claimed is no longer cancellable.
        return await db.OutboxMessages
            .Where(m => m.MissionId == request.MissionId && m.Status == OutboxStatus.Queued)
            .Where(m => request.MessageId == null || m.Id == request.MessageId)
            .Where(m => request.Batch == null || m.Batch == request.Batch)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled), cancellationToken);
    }
}
