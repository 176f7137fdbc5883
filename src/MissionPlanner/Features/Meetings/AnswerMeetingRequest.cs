using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Meetings;

/// <summary>The side asked accepts or declines, with an optional reply; the asker is emailed.</summary>
public sealed record AnswerMeetingRequestCommand(string Token, Guid RequestId, bool Accept, string? Reply = null) : IRequest<Unit>;

public sealed class AnswerMeetingRequestValidator : AbstractValidator<AnswerMeetingRequestCommand>
{
    public AnswerMeetingRequestValidator() => RuleFor(x => x.Reply).MaximumLength(MeetingRequest.MessageMax);
}

public sealed class AnswerMeetingRequestHandler(AppDbContext db, PersonalLinks links, PublicLinks publicLinks, OutboxWriter outbox, TimeProvider clock)
    : IRequestHandler<AnswerMeetingRequestCommand, Unit>
{
    public async Task<Unit> Handle(AnswerMeetingRequestCommand request, CancellationToken cancellationToken)
    {
        var me = await MeetingParties.WhoAsync(db, links, request.Token, cancellationToken);
        var meeting = await MeetingParties.MineAsync(db, me, request.RequestId, cancellationToken);
        meeting.Answer(me.Party, request.Accept, request.Reply, clock.GetUtcNow().UtcDateTime);
        var asker = await MeetingParties.PersonAsync(db, me.Mission, meeting.From, meeting.From == MeetingParty.Delegate ? meeting.DelegateId : meeting.CounterpartId, cancellationToken);
        await outbox.EnqueueAsync("meeting-answer", asker.Email, asker.Name,
            new EmailModels.MeetingAnswer(asker.Name, me.Name, me.Organisation, me.Mission.Title, request.Accept, meeting.Reply,
                MeetingParties.LinkFor(links, publicLinks, asker)),
            me.Mission.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
