using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Meetings;

/// <summary>Organisers correct a counterpart (optimistic concurrency on <c>Version</c>); a new address ends the old link.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateCounterpartCommand(
    string Name, string Email, string Organisation, Sector Sector, string? Country, string? Topics, string? Offers, string? Seeks, string? Profile,
    int Version) : IRequest<Unit>, IMissionRequest, ICounterpartFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid CounterpartId { get; init; }
}

public sealed class UpdateCounterpartValidator : AbstractValidator<UpdateCounterpartCommand>
{
    public UpdateCounterpartValidator() => Include(new CounterpartFieldsValidator());
}

public sealed class UpdateCounterpartHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<UpdateCounterpartCommand, Unit>
{
    public async Task<Unit> Handle(UpdateCounterpartCommand request, CancellationToken cancellationToken)
    {
        var counterpart = await Counterparts.FindAsync(db, request.MissionId, request.CounterpartId, cancellationToken);
        db.ExpectVersion(counterpart, request.Version);
        var email = Organiser.NormaliseEmail(request.Email);
        await Counterparts.EnsureNewAddressAsync(db, request.MissionId, email, counterpart.Id, cancellationToken);
        if (email != counterpart.Email && counterpart.InvitedAt is not null)
        {
            // The link went to the old address; whoever holds it must not keep the new person's page.
            await PersonalLinks.RevokeAsync(db, LinkPurpose.Counterpart, [counterpart.Id], PersonalLink.Reasons.AddressChanged, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        counterpart.Update(request.Name, email, request.Organisation, request.Sector, request.Country, now);
        counterpart.SetProfile(Counterpart.SplitTopics(request.Topics), request.Offers, request.Seeks, request.Profile, counterpart.Listed, now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
