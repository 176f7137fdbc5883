using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Programme;

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateProgrammeItemCommand(
    string Title, string? Description, ProgrammeItemKind Kind, DateTime StartsAt, DateTime EndsAt,
    Guid? VenueId, int? Capacity, bool AllowsParallel, int Version)
    : IRequest<Unit>, IMissionRequest, IProgrammeItemFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid ItemId { get; init; }

    public bool RequiresIdScreening { get; init; }
    public string? DressCode { get; init; }
    public string? Contact { get; init; }
    public TravelMode? TravelMode { get; init; }
    public string? Carrier { get; init; }
    public string? MeetingPoint { get; init; }
    public string? SeatOrCoach { get; init; }
}

public sealed class UpdateProgrammeItemValidator : AbstractValidator<UpdateProgrammeItemCommand>
{
    public UpdateProgrammeItemValidator() => Include(new ProgrammeItemFieldsValidator());
}

public sealed class UpdateProgrammeItemHandler(AppDbContext db) : IRequestHandler<UpdateProgrammeItemCommand, Unit>
{
    public async Task<Unit> Handle(UpdateProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken)
            ?? throw new NotFoundException("Mission");
        var item = await db.ProgrammeItems
            .FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        db.ExpectVersion(item, request.Version);
        var (startsAt, endsAt) = await ProgrammeChecks.CheckAsync(db, mission, request, item.Id, cancellationToken);
        item.Update(mission, request.Title, request.Description ?? "", request.Kind, startsAt, endsAt,
            request.VenueId, request.Capacity, request.AllowsParallel);
        ProgrammeChecks.ApplyDetails(item, request);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
