using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListProgrammeItemsQuery(Guid MissionId, Guid? ItemId = null)
    : IRequest<IReadOnlyList<ProgrammeItemDto>>, IMissionRequest;

public sealed class ListProgrammeItemsHandler(AppDbContext db)
    : IRequestHandler<ListProgrammeItemsQuery, IReadOnlyList<ProgrammeItemDto>>
{
    public async Task<IReadOnlyList<ProgrammeItemDto>> Handle(ListProgrammeItemsQuery request, CancellationToken cancellationToken)
    {
        var zoneId = await db.Missions.AsNoTracking().Where(m => m.Id == request.MissionId)
            .Select(m => m.TimeZoneId).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Mission");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var rows = await db.ProgrammeItems.AsNoTracking()
            .Where(p => p.MissionId == request.MissionId && (request.ItemId == null || p.Id == request.ItemId))
            .OrderBy(p => p.StartsAt).ThenBy(p => p.EndsAt).ThenBy(p => p.Title)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Description,
                p.Kind,
                p.StartsAt,
                p.EndsAt,
                p.VenueId,
                VenueName = db.Venues.Where(v => v.Id == p.VenueId).Select(v => v.Name).FirstOrDefault(),
                p.Capacity,
                p.AllowsParallel,
                p.RequiresIdScreening,
                p.DressCode,
                p.Contact,
                p.Audience,
                p.AudienceSectors,
                p.Cancelled,
                p.TravelMode,
                p.Carrier,
                p.MeetingPoint,
                p.SeatOrCoach,
                p.Version,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var chosen = (await db.ProgrammeItemPeople.AsNoTracking().Where(x => ids.Contains(x.ProgrammeItemId)).ToListAsync(cancellationToken))
            .ToLookup(x => x.ProgrammeItemId, x => x.RegistrationId);

        return rows.Select(p => new ProgrammeItemDto(p.Id, p.Title, p.Description, p.Kind,
                MissionTime.ToMissionOffset(p.StartsAt, zone), MissionTime.ToMissionOffset(p.EndsAt, zone),
                p.VenueId, p.VenueName, p.Capacity, p.AllowsParallel, p.Version)

        {
            RequiresIdScreening = p.RequiresIdScreening,
            DressCode = p.DressCode,
            Contact = p.Contact,
            Audience = p.Audience,
            AudienceSectors = p.AudienceSectors.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Sector>).ToList(),
            AudiencePeople = chosen[p.Id].Order().ToList(),
            Cancelled = p.Cancelled,
            TravelMode = p.TravelMode,
            Carrier = p.Carrier,
            MeetingPoint = p.MeetingPoint,
            SeatOrCoach = p.SeatOrCoach,
        })
            .ToList();
    }
}
