using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>Adds a counterpart. An address already used by a counterpart of this mission is refused on <c>Email</c>.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddCounterpartCommand(
    string Name, string Email, string Organisation, Sector Sector, string? Country = null, string? Topics = null, string? Offers = null,
    string? Seeks = null, string? Profile = null) : IRequest<Guid>, IMissionRequest, ICounterpartFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class AddCounterpartValidator : AbstractValidator<AddCounterpartCommand>
{
    public AddCounterpartValidator() => Include(new CounterpartFieldsValidator());
}

public sealed class AddCounterpartHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<AddCounterpartCommand, Guid>
{
    public async Task<Guid> Handle(AddCounterpartCommand request, CancellationToken cancellationToken)
    {
        var email = Organiser.NormaliseEmail(request.Email);
        await Counterparts.EnsureNewAddressAsync(db, request.MissionId, email, null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var counterpart = await Counterparts.AddOrRestoreAsync(db, request with { Email = email }, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return counterpart.Id;
    }
}
