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

/// <summary>
/// Who an item is for: everyone, the people of some sectors, or chosen people (by registration).
/// Itineraries and calendars follow at once.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record SetItemAudienceCommand(Audience Audience, IReadOnlyList<Sector>? AudienceSectors, IReadOnlyList<Guid>? AudiencePeople)
    : IRequest<Unit>, IMissionRequest
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid ItemId { get; init; }
}

public sealed class SetItemAudienceValidator : AbstractValidator<SetItemAudienceCommand>
{
    public SetItemAudienceValidator()
    {
        RuleFor(x => x.Audience).IsInEnum();
        RuleForEach(x => x.AudienceSectors).IsInEnum();
        RuleFor(x => x.AudiencePeople).NotEmpty().When(x => x.Audience == Audience.People).WithMessage("Choose at least one person.");
        RuleFor(x => x.AudiencePeople).Must(p => p is null || p.Count <= 2000).WithMessage("Choose at most 2,000 people.");
    }
}

public sealed class SetItemAudienceHandler(AppDbContext db) : IRequestHandler<SetItemAudienceCommand, Unit>
{
    public async Task<Unit> Handle(SetItemAudienceCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ProgrammeItems.FirstOrDefaultAsync(p => p.MissionId == request.MissionId && p.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Programme item");
        var people = (request.AudiencePeople ?? []).Distinct().ToList();
        if (request.Audience == Audience.People)
        {
            var known = await db.Registrations.Where(r => r.MissionId == request.MissionId && people.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
            var unknown = people.Except(known).ToList();
            if (unknown.Count > 0)
            {
                throw new DomainException(nameof(request.AudiencePeople), $"{unknown.Count} of the chosen people are not registered for this mission (e.g. {unknown[0]}).");
            }
        }

        item.SetAudience(request.Audience, request.AudienceSectors ?? []);
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        // Tracked, not bulk-deleted: the change log compares the people before and after this save.
        var chosen = await db.ProgrammeItemPeople.Where(x => x.ProgrammeItemId == item.Id).ToListAsync(cancellationToken);
        var keep = request.Audience == Audience.People ? people.ToHashSet() : [];
        db.ProgrammeItemPeople.RemoveRange(chosen.Where(x => !keep.Contains(x.RegistrationId)));
        db.ProgrammeItemPeople.AddRange(keep.Where(p => !chosen.Any(x => x.RegistrationId == p)).Select(p => new ProgrammeItemPerson(item.Id, p)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
