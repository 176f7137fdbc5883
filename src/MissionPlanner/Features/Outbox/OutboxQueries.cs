using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Outbox;

public sealed record OutboxMessageDto(
    Guid Id, string Template, string ToAddress, string ToName, string Subject, OutboxStatus Status, int Attempts,
    DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError, string? Batch);

public sealed record BatchProgress(string Batch, int Total, int Sent, int Failed, int Waiting, DateTime StartedAt)
{
    public bool Done => Waiting == 0;
}

public sealed record OutboxOverview(
    IReadOnlyDictionary<OutboxStatus, int> Counts, IReadOnlyList<BatchProgress> Batches, IReadOnlyList<OutboxMessageDto> Messages);

/// <summary>The mission's outgoing mail: counts, progress of recent batches, and the messages (filtered, newest first).</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetOutboxQuery(Guid MissionId, OutboxStatus? Status = null, string? Search = null, int Take = 200)
    : IRequest<OutboxOverview>, IMissionRequest;

public sealed class GetOutboxHandler(AppDbContext db) : IRequestHandler<GetOutboxQuery, OutboxOverview>
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
        return new OutboxOverview(counts, batches.OrderByDescending(b => b.StartedAt).Take(5).ToList(), messages);
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
