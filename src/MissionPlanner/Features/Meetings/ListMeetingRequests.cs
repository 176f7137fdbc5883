using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListMeetingRequestsQuery(Guid MissionId) : IRequest<IReadOnlyList<MeetingRequestSummary>>, IMissionRequest;

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
