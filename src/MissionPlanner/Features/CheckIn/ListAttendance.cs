using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.CheckIn;

/// <summary>Who is present at an item, in order of arrival.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListAttendanceQuery(Guid MissionId, Guid ItemId) : IRequest<IReadOnlyList<AttendanceRow>>, IMissionRequest;

public sealed class ListAttendanceHandler(AppDbContext db) : IRequestHandler<ListAttendanceQuery, IReadOnlyList<AttendanceRow>>
{
    public async Task<IReadOnlyList<AttendanceRow>> Handle(ListAttendanceQuery request, CancellationToken cancellationToken) =>
        (await db.Attendances.AsNoTracking().Where(a => a.MissionId == request.MissionId && a.ProgrammeItemId == request.ItemId)
            .Join(db.Registrations, a => a.RegistrationId, r => r.Id, (a, r) => new { r.Name, r.Organisation, a.At })
            .OrderBy(x => x.At).ToListAsync(cancellationToken))
        .Select(x => new AttendanceRow(x.Name, x.Organisation, x.At)).ToList();
}
