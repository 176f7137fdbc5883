using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>Who may register: invitees only, anyone with the registration page, or anyone subject to approval.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetRegistrationModeCommand(RegistrationMode Mode) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetRegistrationModeValidator : AbstractValidator<SetRegistrationModeCommand>
{
    public SetRegistrationModeValidator() => RuleFor(x => x.Mode).IsInEnum();
}

public sealed class SetRegistrationModeHandler(AppDbContext db) : IRequestHandler<SetRegistrationModeCommand, Unit>
{
    public async Task<Unit> Handle(SetRegistrationModeCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        mission.SetRegistrationMode(request.Mode);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
