using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Features.Links;

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

/// <summary>Removes a counterpart: they leave the directory and their link stops working; the row stays for the counts.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record RemoveCounterpartCommand(Guid MissionId, Guid CounterpartId) : IRequest<Unit>, IMissionRequest;

public sealed class RemoveCounterpartHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<RemoveCounterpartCommand, Unit>
{
    public async Task<Unit> Handle(RemoveCounterpartCommand request, CancellationToken cancellationToken)
    {
        var counterpart = await Counterparts.FindAsync(db, request.MissionId, request.CounterpartId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        counterpart.Remove(now);
        await PersonalLinks.RevokeAsync(db, LinkPurpose.Counterpart, [counterpart.Id], PersonalLink.Reasons.Removed, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListCounterpartsQuery(Guid MissionId, bool IncludeRemoved = false) : IRequest<IReadOnlyList<CounterpartDto>>, IMissionRequest;

public sealed class ListCounterpartsHandler(AppDbContext db) : IRequestHandler<ListCounterpartsQuery, IReadOnlyList<CounterpartDto>>
{
    public async Task<IReadOnlyList<CounterpartDto>> Handle(ListCounterpartsQuery request, CancellationToken cancellationToken) =>
        (await db.Counterparts.AsNoTracking()
            .Where(c => c.MissionId == request.MissionId && (request.IncludeRemoved || c.RemovedAt == null))
            .OrderBy(c => c.Organisation).ThenBy(c => c.Name).ToListAsync(cancellationToken))
        .Select(CounterpartDto.From).ToList();
}

[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetCounterpartQuery(Guid MissionId, Guid CounterpartId) : IRequest<CounterpartDto>, IMissionRequest;

public sealed class GetCounterpartHandler(AppDbContext db) : IRequestHandler<GetCounterpartQuery, CounterpartDto>
{
    public async Task<CounterpartDto> Handle(GetCounterpartQuery request, CancellationToken cancellationToken) =>
        CounterpartDto.From(await Counterparts.FindAsync(db, request.MissionId, request.CounterpartId, cancellationToken, tracked: false));
}

internal static class Counterparts
{
    public static async Task<Counterpart> FindAsync(AppDbContext db, Guid missionId, Guid id, CancellationToken ct, bool tracked = true) =>
        await (tracked ? db.Counterparts : db.Counterparts.AsNoTracking()).FirstOrDefaultAsync(c => c.MissionId == missionId && c.Id == id && c.RemovedAt == null, ct)
        ?? throw new NotFoundException("Counterpart");

    /// <summary>A new counterpart, or one removed before with the same address back in the list (one row per address and mission).</summary>
    public static async Task<Counterpart> AddOrRestoreAsync(AppDbContext db, AddCounterpartCommand fields, DateTime now, CancellationToken ct)
    {
        var counterpart = await db.Counterparts.FirstOrDefaultAsync(c => c.MissionId == fields.MissionId && c.Email == fields.Email && c.RemovedAt != null, ct);
        if (counterpart is null)
        {
            counterpart = new Counterpart(fields.MissionId, fields.Name, fields.Email, fields.Organisation, fields.Sector, fields.Country, now);
            db.Counterparts.Add(counterpart);
        }
        else
        {
            counterpart.Restore(now);
            counterpart.Update(fields.Name, fields.Email, fields.Organisation, fields.Sector, fields.Country, now);
        }

        counterpart.SetProfile(Counterpart.SplitTopics(fields.Topics), fields.Offers, fields.Seeks, fields.Profile, listed: false, now);
        return counterpart;
    }

    /// <summary>Refuses an address another counterpart of the mission has (a removed one may be added again).</summary>
    public static async Task EnsureNewAddressAsync(AppDbContext db, Guid missionId, string email, Guid? except, CancellationToken ct)
    {
        if (await db.Counterparts.AnyAsync(c => c.MissionId == missionId && c.Email == email && c.Id != except && c.RemovedAt == null, ct))
        {
            throw new DomainException("Email", $"{email} is already a counterpart of this mission.");
        }
    }

    /// <summary>The counterpart behind a personal link; a wrong, expired or revoked link, or a removed counterpart, is "not found".</summary>
    public static async Task<Counterpart> ByLinkAsync(AppDbContext db, PersonalLinks links, string token, CancellationToken ct, bool tracked = false)
    {
        var link = await links.FindAsync(LinkPurpose.Counterpart, token, ct);
        return await (tracked ? db.Counterparts : db.Counterparts.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == link.SubjectId && c.RemovedAt == null, ct)
               ?? throw new NotFoundException("Counterpart");
    }
}
