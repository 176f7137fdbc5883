using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Missions;

public sealed record CreateMissionCommand(
    string Title, string? Summary, string HostCountry, string HostCity, string TimeZoneId,
    DateOnly StartDate, DateOnly EndDate) : IRequest<Guid>, IOrganiserRequest, IMissionFields;

public sealed class CreateMissionValidator : AbstractValidator<CreateMissionCommand>
{
    public CreateMissionValidator() => Include(new MissionFieldsValidator());
}

/// <summary>The organiser who creates a mission owns it.</summary>
public sealed class CreateMissionHandler(AppDbContext db, CurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateMissionCommand, Guid>
{
    public async Task<Guid> Handle(CreateMissionCommand request, CancellationToken cancellationToken)
    {
        var mission = new Mission(request.Title, request.Summary ?? "", request.HostCountry, request.HostCity,
            request.TimeZoneId, request.StartDate, request.EndDate, clock.GetUtcNow().UtcDateTime);
        db.Missions.Add(mission);
        if (user.OrganiserId is { } organiserId)
        {
            db.MissionRoles.Add(new MissionRole(mission.Id, organiserId, MissionRoleKind.Owner));
        }

        await db.SaveChangesAsync(cancellationToken);
        return mission.Id;
    }
}
