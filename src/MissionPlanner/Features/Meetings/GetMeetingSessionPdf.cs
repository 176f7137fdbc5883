using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>The printed documents of a B2B session.</summary>
public enum MeetingSessionDocument
{
    /// <summary>Who sits at which table in each slot, slot by slot.</summary>
    RoomPlan,

    /// <summary>One A4 page per table: its number in large type and who meets at it in each slot.</summary>
    TableSigns,
}

/// <summary>A session's room plan or table signs as a PDF, from the schedule as it stands (published or not).</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetMeetingSessionPdfQuery(Guid MissionId, Guid SessionId, MeetingSessionDocument Document) : IRequest<byte[]>, IMissionRequest;

public sealed class GetMeetingSessionPdfHandler(AppDbContext db, IMediator mediator, PdfRenderer renderer) : IRequestHandler<GetMeetingSessionPdfQuery, byte[]>
{
    public async Task<byte[]> Handle(GetMeetingSessionPdfQuery request, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(new GetMeetingPlanQuery(request.MissionId), cancellationToken);
        var session = plan.Sessions.FirstOrDefault(s => s.Session.ProgrammeItemId == request.SessionId) ?? throw new NotFoundException("Meeting session");
        var venue = session.Session.VenueId is { } v ? await db.Venues.Where(x => x.Id == v).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) ?? "" : "";
        var mission = await db.Missions.Where(m => m.Id == request.MissionId).Select(m => m.Title).FirstAsync(cancellationToken);
        static string Who(PlannedMeeting? m) => m is null ? "" : $"{string.Join(", ", m.Delegates)} with {m.Counterpart}{(m.CounterpartOrganisation.Length > 0 ? $" ({m.CounterpartOrganisation})" : "")}";
        string Time(SlotPlan s) => $"{s.StartsLocal:HH:mm}–{s.EndsLocal:HH:mm}";
        var tables = session.Session.Tables ?? 0;
        var html = DocumentTemplates.Render("meeting-session", new
        {
            Signs = request.Document == MeetingSessionDocument.TableSigns,
            SessionTitle = session.Session.Title,
            MissionTitle = mission,
            When = $"{session.Session.StartsLocal:dddd d MMMM yyyy, HH:mm}–{session.Session.EndsLocal:HH:mm}",
            Venue = venue,
            Meetings = session.Slots.Sum(s => s.Tables.Count(t => t is not null)),
            TableCount = tables,
            Slots = session.Slots.Select(s => new
            {
                Time = Time(s),
                Taken = s.Tables.Count(t => t is not null),
                Tables = s.Tables.Select((m, i) => new { Number = i + 1, Who = Who(m) }).ToList(),
            }).ToList(),
            Tables = Enumerable.Range(1, tables).Select(t => new
            {
                Number = t,
                Slots = session.Slots.Select(s => new { Time = Time(s), Who = Who(s.Tables[t - 1]) }).ToList(),
            }).ToList(),
        });
        return await renderer.RenderAsync(html, new PdfLayout(Header: request.Document == MeetingSessionDocument.TableSigns ? null : $"{session.Session.Title} · room plan",
            PageNumbers: request.Document != MeetingSessionDocument.TableSigns), cancellationToken);
    }
}
