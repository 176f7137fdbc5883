using MediatR;
using MissionPlanner.Data;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>The side that asked takes its request back.</summary>
public sealed record WithdrawMeetingRequestCommand(string Token, Guid RequestId) : IRequest<Unit>;

public sealed class WithdrawMeetingRequestHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<WithdrawMeetingRequestCommand, Unit>
{
    public async Task<Unit> Handle(WithdrawMeetingRequestCommand request, CancellationToken cancellationToken)
    {
        var me = await MeetingParties.WhoAsync(db, links, request.Token, cancellationToken);
        (await MeetingParties.MineAsync(db, me, request.RequestId, cancellationToken)).Withdraw(me.Party, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
