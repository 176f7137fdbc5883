using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateVisitCommand(
    Guid HostId, Guid VenueId, string Title, ProgrammeItemKind Kind, int DurationMinutes, int MinGroupSize, int MaxGroupSize,
    IReadOnlyList<VisitWindowInput> Windows, int Version) : IRequest<Unit>, IMissionRequest, IVisitFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid VisitId { get; init; }

    public int ParallelGroups { get; init; } = 1;
    public VisitRequirements Requirements { get; init; }
    public int ScreeningLeadDays { get; init; }
    public string? Notes { get; init; }
}

public sealed class UpdateVisitValidator : AbstractValidator<UpdateVisitCommand>
{
    public UpdateVisitValidator() => Include(new VisitFieldsValidator());
}

/// <summary>
/// Changes a visit. People placed in a group that no longer exists (or beyond a smaller group size)
/// lose that place, so the organisers run the schedule for the visit again; a change of times or
/// sizes goes back to the host for confirmation.
/// </summary>
public sealed class UpdateVisitHandler(AppDbContext db) : IRequestHandler<UpdateVisitCommand, Unit>
{
    public async Task<Unit> Handle(UpdateVisitCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.MissionId == request.MissionId && v.Id == request.VisitId && !v.Cancelled, cancellationToken)
            ?? throw new NotFoundException("Visit");
        db.ExpectVersion(visit, request.Version);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var before = (visit.Windows, visit.DurationMinutes, visit.MaxGroupSize, visit.ParallelGroups);
        await VisitEditing.ApplyAsync(db, mission, visit, request, cancellationToken);
        if (before != (visit.Windows, visit.DurationMinutes, visit.MaxGroupSize, visit.ParallelGroups))
        {
            visit.AwaitHost();
            await VisitEditing.DropAssignmentsThatNoLongerFitAsync(db, visit, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
