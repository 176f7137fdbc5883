using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// The participant corrects their own answers through their link, until registration closes
/// (or the mission starts when there is no deadline). Their place is not affected.
/// </summary>
public sealed record UpdateMyRegistrationCommand(string Token, RegistrationDetails Details) : IRequest<Unit>;

public sealed class UpdateMyRegistrationValidator : AbstractValidator<UpdateMyRegistrationCommand>
{
    public UpdateMyRegistrationValidator() => RuleFor(x => x.Details).NotNull();
}

public sealed class UpdateMyRegistrationHandler(AppDbContext db, PersonalLinks personalLinks, PersonalDataProtector protector, TimeProvider clock) : IRequestHandler<UpdateMyRegistrationCommand, Unit>
{
    public async Task<Unit> Handle(UpdateMyRegistrationCommand request, CancellationToken cancellationToken)
    {
        var registration = await RegistrationTokens.FindAsync(db, personalLinks, request.Token, cancellationToken, tracked: true);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var closes = mission.RegistrationClosesAt ?? mission.UtcWindow().From;
        if (now >= closes)
        {
            throw new DomainException("Status", "Changes are closed; please contact the organisers.");
        }

        if (registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
        {
            throw new DomainException("Status", $"This registration is {registration.Status.ToString().ToLowerInvariant()}.");
        }

        var form = (await RegistrationIntake.LoadAsync(db, mission.Id, null, cancellationToken))!;
        var (answers, idDetails) = RegistrationIntake.Check(form, request.Details, protector, registration.IdDetails);
        RegistrationIntake.Apply(registration, request.Details, mission, answers, idDetails, now);
        db.RegistrationAudits.Add(new RegistrationAudit(registration.MissionId, registration.Id, "updated", "participant", null, now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
