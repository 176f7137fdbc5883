using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Documents;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>A counterpart's published meetings as a PDF, printed on demand from their personal link.</summary>
public sealed record GetCounterpartSchedulePdfQuery(string Token) : IRequest<byte[]>;

public sealed class GetCounterpartSchedulePdfHandler(AppDbContext db, PersonalLinks links, PdfRenderer renderer)
    : IRequestHandler<GetCounterpartSchedulePdfQuery, byte[]>
{
    public async Task<byte[]> Handle(GetCounterpartSchedulePdfQuery request, CancellationToken cancellationToken)
    {
        var counterpart = await Counterparts.ByLinkAsync(db, links, request.Token, cancellationToken);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == counterpart.MissionId, cancellationToken);
        var view = await CounterpartSchedules.ViewAsync(db, mission, counterpart, null, cancellationToken);
        return await renderer.RenderAsync(ItineraryDocument.Html(view), new PdfLayout(Header: $"{mission.Title} · {counterpart.Name}"), cancellationToken);
    }
}
