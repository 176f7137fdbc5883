using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Missions;

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetMissionQuery(Guid MissionId) : IRequest<MissionDetails>, IMissionRequest;

public sealed record MissionDetails(
    Guid Id, string Title, string Summary, string HostCountry, string HostCity, string TimeZoneId,
    DateOnly StartDate, DateOnly EndDate, MissionStatus Status, int Version, MissionRoleKind Role,
    int VenueCount, int ProgrammeItemCount, DateOnly? RegistrationDeadline, string ReminderDays)
{
    public Domain.Registrations.RegistrationMode RegistrationMode { get; init; }

    /// <summary>A UTC instant as the mission's clocks show it (for pages).</summary>
    public DateTime Local(DateTime utc) => Domain.Missions.MissionTime.ToLocal(utc, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    /// <summary>Places in the delegation; empty for no limit.</summary>
    public int? Capacity { get; init; }

    public bool CanEdit => Role >= MissionRoleKind.Organiser;

    public IEnumerable<DateOnly> Days =>
        Enumerable.Range(0, EndDate.DayNumber - StartDate.DayNumber + 1).Select(StartDate.AddDays);
}

public sealed class GetMissionHandler(AppDbContext db, CurrentUser user) : IRequestHandler<GetMissionQuery, MissionDetails>
{
    public async Task<MissionDetails> Handle(GetMissionQuery request, CancellationToken cancellationToken)
    {
        var organiserId = user.OrganiserId;
        var details = await db.Missions.AsNoTracking()
            .Where(m => m.Id == request.MissionId)
            .Select(m => new MissionDetails(m.Id, m.Title, m.Summary, m.HostCountry, m.HostCity, m.TimeZoneId,
                m.StartDate, m.EndDate, m.Status, m.Version,
                db.MissionRoles.Where(r => r.MissionId == m.Id && r.OrganiserId == organiserId)
                    .Select(r => (MissionRoleKind?)r.Role).FirstOrDefault() ?? MissionRoleKind.Owner,
                db.Venues.Count(v => v.MissionId == m.Id),
                db.ProgrammeItems.Count(p => p.MissionId == m.Id),
                m.RegistrationDeadline, m.ReminderDays)
            {
                RegistrationMode = m.RegistrationMode,
                Capacity = m.Capacity,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return details ?? throw new NotFoundException("Mission");
    }
}
