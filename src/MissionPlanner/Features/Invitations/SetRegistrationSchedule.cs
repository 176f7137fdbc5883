using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Invitations;

/// <summary>Sets the registration deadline and on which days before it non-responders are reminded.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetRegistrationScheduleCommand(DateOnly? Deadline, IReadOnlyList<int> ReminderDays) : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class SetRegistrationScheduleValidator : AbstractValidator<SetRegistrationScheduleCommand>
{
    public SetRegistrationScheduleValidator()
    {
        RuleFor(x => x.ReminderDays).NotNull().Must(d => d is null || d.Count <= 5).WithMessage("At most five reminders.");
        RuleForEach(x => x.ReminderDays).InclusiveBetween(1, 90);
    }
}

public sealed class SetRegistrationScheduleHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<SetRegistrationScheduleCommand, Unit>
{
    public async Task<Unit> Handle(SetRegistrationScheduleCommand request, CancellationToken cancellationToken)
    {
        var mission = await db.Missions.FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        mission.SetRegistrationSchedule(request.Deadline, request.ReminderDays,
            MissionTime.LocalDate(now, mission.TimeZone), now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
