using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Meetings;

/// <summary>A meeting request as one side sees it: the other person, whether it came to them, its state and words.</summary>
public sealed record MeetingRequestView(
    Guid Id, Guid OtherId, string OtherName, string OtherOrganisation, bool Incoming, MeetingRequestStatus Status, string? Message, string? Reply,
    DateTime CreatedAt);

/// <summary>Someone's B2B page: who they are, the other side's directory, and their requests.</summary>
public sealed record MyMeetingsView(
    MeetingParty Party, string Name, string MissionTitle, string When, DirectoryView Directory, IReadOnlyList<MeetingRequestView> Requests);

/// <summary>A request as organisers see it.</summary>
public sealed record MeetingRequestSummary(
    Guid Id, Guid DelegateId, string DelegateName, string DelegateOrganisation, Guid CounterpartId, string CounterpartName, string CounterpartOrganisation,
    MeetingParty From, MeetingRequestStatus Status, string? Message, string? Reply, DateTime CreatedAt, DateTime? AnsweredAt);

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

/// <summary>The side asked accepts or declines, with an optional reply; the asker is emailed.</summary>
public sealed record AnswerMeetingRequestCommand(string Token, Guid RequestId, bool Accept, string? Reply = null) : IRequest<Unit>;

public sealed class AnswerMeetingRequestValidator : AbstractValidator<AnswerMeetingRequestCommand>
{
    public AnswerMeetingRequestValidator() => RuleFor(x => x.Reply).MaximumLength(MeetingRequest.MessageMax);
}

/// <summary>The side that asked takes its request back.</summary>
public sealed record WithdrawMeetingRequestCommand(string Token, Guid RequestId) : IRequest<Unit>;

public sealed record GetMyMeetingsQuery(string Token, DirectoryFilter? Filter = null) : IRequest<MyMeetingsView>;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListMeetingRequestsQuery(Guid MissionId) : IRequest<IReadOnlyList<MeetingRequestSummary>>, IMissionRequest;

/// <summary>Who holds a link: a confirmed delegate or a counterpart of the mission, with what the other side is shown.</summary>
internal sealed record MeetingPerson(MeetingParty Party, Guid Id, Mission Mission, string Name, string Organisation, string Email);

public sealed class MeetingRequestHandlers(AppDbContext db, PersonalLinks links, PublicLinks publicLinks, OutboxWriter outbox, TimeProvider clock)
    : IRequestHandler<RequestMeetingCommand, Guid>, IRequestHandler<AnswerMeetingRequestCommand, Unit>, IRequestHandler<WithdrawMeetingRequestCommand, Unit>,
        IRequestHandler<GetMyMeetingsQuery, MyMeetingsView>
{
    public async Task<Guid> Handle(RequestMeetingCommand request, CancellationToken cancellationToken)
    {
        var me = await WhoAsync(request.Token, cancellationToken);
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

        var recipient = await PersonAsync(me.Mission, other == DirectoryKind.Delegate ? MeetingParty.Delegate : MeetingParty.Counterpart, request.WithId, cancellationToken);
        await outbox.EnqueueAsync("meeting-request", recipient.Email, recipient.Name,
            new EmailModels.MeetingRequest(recipient.Name, me.Name, me.Organisation, me.Mission.Title,
                PublicLinks.Dates(me.Mission.StartDate, me.Mission.EndDate), existing.Message, LinkFor(recipient)),
            me.Mission.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return existing.Id;
    }

    public async Task<Unit> Handle(AnswerMeetingRequestCommand request, CancellationToken cancellationToken)
    {
        var me = await WhoAsync(request.Token, cancellationToken);
        var meeting = await MineAsync(me, request.RequestId, cancellationToken);
        meeting.Answer(me.Party, request.Accept, request.Reply, clock.GetUtcNow().UtcDateTime);
        var asker = await PersonAsync(me.Mission, meeting.From, meeting.From == MeetingParty.Delegate ? meeting.DelegateId : meeting.CounterpartId, cancellationToken);
        await outbox.EnqueueAsync("meeting-answer", asker.Email, asker.Name,
            new EmailModels.MeetingAnswer(asker.Name, me.Name, me.Organisation, me.Mission.Title, request.Accept, meeting.Reply,
                LinkFor(asker)),
            me.Mission.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(WithdrawMeetingRequestCommand request, CancellationToken cancellationToken)
    {
        var me = await WhoAsync(request.Token, cancellationToken);
        (await MineAsync(me, request.RequestId, cancellationToken)).Withdraw(me.Party, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<MyMeetingsView> Handle(GetMyMeetingsQuery request, CancellationToken cancellationToken)
    {
        var me = await WhoAsync(request.Token, cancellationToken);
        var other = me.Party == MeetingParty.Delegate ? DirectoryKind.Counterpart : DirectoryKind.Delegate;
        var directory = await Directory.LoadAsync(db, me.Mission.Id, [other], request.Filter ?? new DirectoryFilter(), cancellationToken);
        var requests = await db.MeetingRequests.AsNoTracking()
            .Where(r => r.MissionId == me.Mission.Id && (me.Party == MeetingParty.Delegate ? r.DelegateId == me.Id : r.CounterpartId == me.Id))
            .OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var names = await NamesAsync(me.Mission.Id, cancellationToken);
        return new MyMeetingsView(me.Party, me.Name, me.Mission.Title, PublicLinks.Dates(me.Mission.StartDate, me.Mission.EndDate), directory,
            requests.Select(r =>
            {
                var otherId = me.Party == MeetingParty.Delegate ? r.CounterpartId : r.DelegateId;
                var (name, organisation) = names.GetValueOrDefault(otherId, ("Someone no longer listed", "—"));
                return new MeetingRequestView(r.Id, otherId, name, organisation, r.From != me.Party, r.Status, r.Message, r.Reply, r.CreatedAt);
            }).ToList());
    }

    /// <summary>The holder of a registration link (a confirmed delegate) or of a counterpart link; anything else is "not found".</summary>
    private async Task<MeetingPerson> WhoAsync(string token, CancellationToken ct)
    {
        try
        {
            var link = await links.FindAsync(LinkPurpose.Registration, token, ct);
            var registration = await db.Registrations.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == link.SubjectId && r.ErasedAt == null && r.Status == RegistrationStatus.Confirmed, ct)
                ?? throw new NotFoundException("Registration");
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, ct);
            return new MeetingPerson(MeetingParty.Delegate, registration.Id, mission, registration.Name, registration.Organisation, registration.Email);
        }
        catch (NotFoundException)
        {
            var counterpart = await Counterparts.ByLinkAsync(db, links, token, ct);
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == counterpart.MissionId, ct);
            return new MeetingPerson(MeetingParty.Counterpart, counterpart.Id, mission, counterpart.Name, counterpart.Organisation, counterpart.Email);
        }
    }

    private async Task<MeetingPerson> PersonAsync(Mission mission, MeetingParty party, Guid id, CancellationToken ct)
    {
        if (party == MeetingParty.Delegate)
        {
            var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            return new MeetingPerson(party, id, mission, r.Name, r.Organisation, r.Email);
        }

        var c = await db.Counterparts.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        return new MeetingPerson(party, id, mission, c.Name, c.Organisation, c.Email);
    }

    /// <summary>A personal link for the email that leaves the one the person already uses working: requests come often.</summary>
    private string LinkFor(MeetingPerson person) => person.Party == MeetingParty.Delegate
        ? publicLinks.Registration(links.IssueAlongside(person.Mission, LinkPurpose.Registration, person.Id)) + "/meetings"
        : publicLinks.Counterpart(links.IssueAlongside(person.Mission, LinkPurpose.Counterpart, person.Id));

    private async Task<MeetingRequest> MineAsync(MeetingPerson me, Guid requestId, CancellationToken ct) =>
        await db.MeetingRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.MissionId == me.Mission.Id
                                                          && (me.Party == MeetingParty.Delegate ? r.DelegateId == me.Id : r.CounterpartId == me.Id), ct)
        ?? throw new NotFoundException("Meeting request");

    private async Task<Dictionary<Guid, (string Name, string Organisation)>> NamesAsync(Guid missionId, CancellationToken ct)
    {
        var names = (await db.Registrations.AsNoTracking().Where(r => r.MissionId == missionId && r.ErasedAt == null)
                .Select(r => new { r.Id, r.Name, r.Organisation }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => (r.Name, r.Organisation));
        foreach (var c in await db.Counterparts.AsNoTracking().Where(c => c.MissionId == missionId && c.RemovedAt == null)
                     .Select(c => new { c.Id, c.Name, c.Organisation }).ToListAsync(ct))
        {
            names[c.Id] = (c.Name, c.Organisation);
        }

        return names;
    }
}

public sealed class ListMeetingRequestsHandler(AppDbContext db) : IRequestHandler<ListMeetingRequestsQuery, IReadOnlyList<MeetingRequestSummary>>
{
    public async Task<IReadOnlyList<MeetingRequestSummary>> Handle(ListMeetingRequestsQuery request, CancellationToken cancellationToken) =>
        await (from r in db.MeetingRequests.AsNoTracking()
               join d in db.Registrations.AsNoTracking() on r.DelegateId equals d.Id
               join c in db.Counterparts.AsNoTracking() on r.CounterpartId equals c.Id
               where r.MissionId == request.MissionId
               orderby r.CreatedAt descending
               select new MeetingRequestSummary(r.Id, d.Id, d.Name, d.Organisation, c.Id, c.Name, c.Organisation, r.From, r.Status, r.Message, r.Reply,
                   r.CreatedAt, r.AnsweredAt)).ToListAsync(cancellationToken);
}
