using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Visits;

namespace MissionPlanner.Features.Visits;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CreateVisitCommand(
    Guid HostId, Guid VenueId, string Title, ProgrammeItemKind Kind, int DurationMinutes, int MinGroupSize, int MaxGroupSize,
    IReadOnlyList<VisitWindowInput> Windows) : IRequest<Guid>, IMissionRequest, IVisitFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    public int ParallelGroups { get; init; } = 1;
    public VisitRequirements Requirements { get; init; }
    public int ScreeningLeadDays { get; init; }
    public string? Notes { get; init; }
}

public sealed class CreateVisitValidator : AbstractValidator<CreateVisitCommand>
{
    public CreateVisitValidator() => Include(new VisitFieldsValidator());
}

public sealed class CreateVisitHandler(AppDbContext db) : IRequestHandler<CreateVisitCommand, Guid>
{
    public async Task<Guid> Handle(CreateVisitCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var visit = new Visit(mission.Id, request.HostId);
        await VisitEditing.ApplyAsync(db, mission, visit, request, cancellationToken);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return visit.Id;
    }
}
