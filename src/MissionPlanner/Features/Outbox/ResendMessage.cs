using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Outbox;

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
