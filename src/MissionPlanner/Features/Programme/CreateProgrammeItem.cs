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
public sealed record CreateProgrammeItemCommand(
    string Title, string? Description, ProgrammeItemKind Kind, DateTime StartsAt, DateTime EndsAt,
    Guid? VenueId, int? Capacity, bool AllowsParallel) : IRequest<Guid>, IMissionRequest, IProgrammeItemFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    public bool RequiresIdScreening { get; init; }
    public string? DressCode { get; init; }
    public string? Contact { get; init; }
    public TravelMode? TravelMode { get; init; }
    public string? Carrier { get; init; }
    public string? MeetingPoint { get; init; }
    public string? SeatOrCoach { get; init; }
}

public sealed class CreateProgrammeItemValidator : AbstractValidator<CreateProgrammeItemCommand>
{
    public CreateProgrammeItemValidator() => Include(new ProgrammeItemFieldsValidator());
}

public sealed class CreateProgrammeItemHandler(AppDbContext db) : IRequestHandler<CreateProgrammeItemCommand, Guid>
{
    public async Task<Guid> Handle(CreateProgrammeItemCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken)
            ?? throw new NotFoundException("Mission");
        var (startsAt, endsAt) = await ProgrammeChecks.CheckAsync(db, mission, request, null, cancellationToken);
        var item = new ProgrammeItem(mission, request.Title, request.Description ?? "", request.Kind, startsAt, endsAt,
            request.VenueId, request.Capacity, request.AllowsParallel);
        ProgrammeChecks.ApplyDetails(item, request);
        db.ProgrammeItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }
}
