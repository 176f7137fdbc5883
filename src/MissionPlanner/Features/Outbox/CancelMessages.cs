using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Messaging;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Outbox;

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
