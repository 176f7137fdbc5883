using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Missions;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateMissionCommand(
    string Title, string? Summary, string HostCountry, string HostCity, string TimeZoneId,
    DateOnly StartDate, DateOnly EndDate, int Version) : IRequest<Unit>, IMissionRequest, IMissionFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class UpdateMissionValidator : AbstractValidator<UpdateMissionCommand>
{
    public UpdateMissionValidator() => Include(new MissionFieldsValidator());
}

public sealed class UpdateMissionHandler(AppDbContext db) : IRequestHandler<UpdateMissionCommand, Unit>
{
    public async Task<Unit> Handle(UpdateMissionCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken)
            ?? throw new NotFoundException("Mission");
        db.ExpectVersion(mission, request.Version);
        mission.Update(request.Title, request.Summary ?? "", request.HostCountry, request.HostCity,
            request.TimeZoneId, request.StartDate, request.EndDate);

        // Shrinking the dates must not strand programme items outside the mission (a cancelled one takes no time).
        var (from, to) = mission.UtcWindow();
        var stranded = await db.ProgrammeItems.CountAsync(
            p => p.MissionId == mission.Id && !p.Cancelled && (p.StartsAt < from || p.EndsAt > to), cancellationToken);
        if (stranded > 0)
        {
            throw new DomainException(nameof(request.StartDate),
                $"{stranded} programme item(s) would fall outside the new dates; move them first.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
