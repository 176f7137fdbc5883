using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Retention;

/// <summary>
/// Sets how many days after its last day the mission keeps personal data (0–3650), or null for the
/// installation's default (Privacy:PersonalDataRetentionDays). A period that would purge within a
/// week purges a week from now instead. Refused once the data is purged: what is gone cannot be
/// kept longer.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetRetentionCommand(int? Days) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetRetentionValidator : AbstractValidator<SetRetentionCommand>
{
    public SetRetentionValidator() => RuleFor(x => x.Days).InclusiveBetween(0, Mission.MaxRetentionDays)
        .WithMessage($"Keep personal data between 0 and {Mission.MaxRetentionDays} days after the mission.");
}

public sealed class SetRetentionHandler(AppDbContext db, Microsoft.Extensions.Options.IOptions<PrivacyOptions> options, TimeProvider clock)
    : IRequestHandler<SetRetentionCommand, Unit>
{
    public async Task<Unit> Handle(SetRetentionCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(m => m.Id == request.MissionId, cancellationToken) ?? throw new NotFoundException("Mission");
        if (mission.PersonalDataPurgedAt is not null)
        {
            throw new DomainException("Days", "This mission's personal data has already been purged.");
        }

        mission.SetRetention(request.Days, options.Value.PersonalDataRetentionDays, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
