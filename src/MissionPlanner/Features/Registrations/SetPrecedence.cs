using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>Moves someone in the order of precedence; empty puts them back at their role's default.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetPrecedenceCommand(Guid MissionId, Guid RegistrationId, int? Rank) : IRequest<Unit>, IMissionRequest;

public sealed class SetPrecedenceHandler(AppDbContext db, TimeProvider clock, CurrentUser user) : IRequestHandler<SetPrecedenceCommand, Unit>
{
    public async Task<Unit> Handle(SetPrecedenceCommand request, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new Domain.Common.NotFoundException("Registration");
        var now = clock.GetUtcNow().UtcDateTime;
        registration.SetPrecedence(request.Rank, now);
        db.RegistrationAudits.Add(new RegistrationAudit(request.MissionId, registration.Id, "precedence", $"organiser {user.OrganiserId}",
            request.Rank?.ToString() ?? "default", now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
