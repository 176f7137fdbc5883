using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Ceremonies;

/// <summary>A task before the ceremony, due on a day (mission time) no later than the ceremony's.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddCeremonyTaskCommand(string Title, string Owner, string OwnerEmail, DateOnly DueDate) : IRequest<Guid>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CeremonyId { get; init; }
}

public sealed class AddCeremonyTaskValidator : AbstractValidator<AddCeremonyTaskCommand>
{
    public AddCeremonyTaskValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Owner).NotEmpty().MaximumLength(200).SingleLine();
        RuleFor(x => x.OwnerEmail).NotEmpty().ValidEmailAddress();
    }
}

public sealed class AddCeremonyTaskHandler(AppDbContext db) : IRequestHandler<AddCeremonyTaskCommand, Guid>
{
    public async Task<Guid> Handle(AddCeremonyTaskCommand request, CancellationToken cancellationToken)
    {
        var ceremony = await CeremonyLookup.FindAsync(db, request.MissionId, request.CeremonyId, cancellationToken);
        var (item, mission) = await CeremonyLookup.ItemAsync(db, ceremony, cancellationToken);
        var day = MissionTime.LocalDate(item.StartsAt, mission.TimeZone);
        if (request.DueDate > day)
        {
            throw new DomainException(nameof(request.DueDate), $"The task must be due by the day of the ceremony ({day:yyyy-MM-dd}).");
        }

        var task = new CeremonyTask(ceremony.Id, request.Title, request.Owner, request.OwnerEmail, request.DueDate);
        db.CeremonyTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
    }
}
