using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// A delegate or counterpart says, through their link, what came of a meeting they were asked about (and may change
/// it later); someone else's question is "not found".
/// </summary>
public sealed record RecordMeetingOutcomeCommand(string Token, Guid OutcomeId, MeetingResult Result, string? NextSteps = null) : IRequest<Unit>;

public sealed class RecordMeetingOutcomeHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<RecordMeetingOutcomeCommand, Unit>
{
    public async Task<Unit> Handle(RecordMeetingOutcomeCommand request, CancellationToken cancellationToken)
    {
        var me = await MeetingParties.WhoAsync(db, links, request.Token, cancellationToken);
        var outcome = await db.MeetingOutcomes.FirstOrDefaultAsync(o => o.Id == request.OutcomeId && o.PersonId == me.Id && o.Party == me.Party, cancellationToken)
            ?? throw new NotFoundException("Meeting outcome");
        if (!Enum.IsDefined(request.Result))
        {
            throw new DomainException("Result", "Choose one of the outcomes offered.");
        }

        outcome.Answer(request.Result, request.NextSteps, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
