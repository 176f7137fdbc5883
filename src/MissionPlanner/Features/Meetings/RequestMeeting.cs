using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// A delegate (registration link) asks a listed counterpart for a meeting, or a counterpart (counterpart link) a listed
/// delegate; the other side is emailed a link to answer. Only confirmed delegates take part; only people in the asker's
/// directory can be asked. One request per pair (<see cref="MeetingRequest"/>).
/// </summary>
public sealed record RequestMeetingCommand(string Token, Guid WithId, string? Message = null) : IRequest<Guid>;

public sealed class RequestMeetingValidator : AbstractValidator<RequestMeetingCommand>
{
    public RequestMeetingValidator() => RuleFor(x => x.Message).MaximumLength(MeetingRequest.MessageMax);
}

public sealed class RequestMeetingHandler(AppDbContext db, PersonalLinks links, PublicLinks publicLinks, OutboxWriter outbox, TimeProvider clock)
    : IRequestHandler<RequestMeetingCommand, Guid>
{
    public async Task<Guid> Handle(RequestMeetingCommand request, CancellationToken cancellationToken)
    {
        var me = await MeetingParties.WhoAsync(db, links, request.Token, cancellationToken);
        if (!(await MeetingPlans.GetAsync(db, me.Mission.Id, cancellationToken)).RequestsOpen)
        {
            throw new DomainException("Requests", "This mission arranges its meetings by the preference round, not by requests: mark the people you want to meet.");
        }

        var other = me.Party == MeetingParty.Delegate ? DirectoryKind.Counterpart : DirectoryKind.Delegate;
        var directory = await Directory.LoadAsync(db, me.Mission.Id, [other], new DirectoryFilter(), cancellationToken);
        if (directory.Entries.All(e => e.Id != request.WithId))
        {
            throw new DomainException("WithId", "This person is not in the directory: only people who agreed to be listed can be asked for a meeting.");
        }

        var (delegateId, counterpartId) = me.Party == MeetingParty.Delegate ? (me.Id, request.WithId) : (request.WithId, me.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.MeetingRequests.FirstOrDefaultAsync(r => r.MissionId == me.Mission.Id && r.DelegateId == delegateId && r.CounterpartId == counterpartId,
            cancellationToken);
        if (existing is null)
        {
            existing = new MeetingRequest(me.Mission.Id, delegateId, counterpartId, me.Party, request.Message, now);
            db.MeetingRequests.Add(existing);
        }
        else
        {
            existing.AskAgain(me.Party, request.Message, now);
        }

        var recipient = await MeetingParties.PersonAsync(db, me.Mission, other == DirectoryKind.Delegate ? MeetingParty.Delegate : MeetingParty.Counterpart, request.WithId, cancellationToken);
        await outbox.EnqueueAsync("meeting-request", recipient.Email, recipient.Name,
            new EmailModels.MeetingRequest(recipient.Name, me.Name, me.Organisation, me.Mission.Title,
                PublicLinks.Dates(me.Mission.StartDate, me.Mission.EndDate), existing.Message, MeetingParties.LinkFor(links, publicLinks, recipient)),
            me.Mission.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return existing.Id;
    }
}
