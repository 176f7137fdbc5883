using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.CheckIn;

/// <summary>
/// What a badge's QR code holds: the address of the check-in page with a signed registration id.
/// No personal data; only an organiser of the mission, signed in, sees whose badge it is.
/// </summary>
public sealed class CheckInLinks(PersonalDataProtector protector, PublicLinks links)
{
    private readonly SignedIds ids = new(protector, "missionplanner check-in v1");

    public string Url(Guid registrationId) => $"{links.Base}/k/{ids.Sign(registrationId)}";

    public Guid? Verify(string token) => ids.Verify(token);
}

/// <summary>Which mission a scanned badge belongs to: the first step of the check-in page.</summary>
public sealed record ResolveBadgeQuery(string Token) : IRequest<Guid>, IOrganiserRequest;

public sealed class ResolveBadgeHandler(AppDbContext db, CheckInLinks links) : IRequestHandler<ResolveBadgeQuery, Guid>
{
    public async Task<Guid> Handle(ResolveBadgeQuery request, CancellationToken cancellationToken) =>
        links.Verify(request.Token) is { } id
        && await db.Registrations.Where(r => r.Id == id).Select(r => (Guid?)r.MissionId).FirstOrDefaultAsync(cancellationToken) is { } mission
            ? mission
            : throw new NotFoundException("Badge");
}

public sealed record BadgeItem(Guid Id, string Title, DateTime StartsLocal, DateTime EndsLocal, bool Present);

public sealed record BadgeHolder(Guid RegistrationId, string Name, string Organisation, RegistrationStatus Status, IReadOnlyList<BadgeItem> Items, Guid? Suggested);

/// <summary>Whose badge it is, the items they could be checked in to, and the one happening now (or next).</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record GetBadgeHolderQuery(Guid MissionId, string Token) : IRequest<BadgeHolder>, IMissionRequest;

public sealed class GetBadgeHolderHandler(AppDbContext db, CheckInLinks links, TimeProvider clock) : IRequestHandler<GetBadgeHolderQuery, BadgeHolder>
{
    public async Task<BadgeHolder> Handle(GetBadgeHolderQuery request, CancellationToken cancellationToken)
    {
        var id = links.Verify(request.Token) ?? throw new NotFoundException("Badge");
        var person = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.MissionId == request.MissionId && r.ErasedAt == null, cancellationToken)
            ?? throw new NotFoundException("Badge");
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var present = await db.Attendances.Where(a => a.RegistrationId == id).Select(a => a.ProgrammeItemId).ToListAsync(cancellationToken);
        var items = (await db.ProgrammeItems.AsNoTracking().Where(p => p.MissionId == mission.Id && !p.Cancelled).OrderBy(p => p.StartsAt).ToListAsync(cancellationToken))
            .Select(p => new BadgeItem(p.Id, p.Title, MissionTime.ToLocal(p.StartsAt, mission.TimeZone), MissionTime.ToLocal(p.EndsAt, mission.TimeZone), present.Contains(p.Id)))
            .ToList();
        var now = MissionTime.ToLocal(clock.GetUtcNow().UtcDateTime, mission.TimeZone);
        // What is on now, or starts soonest (doors open early); else nothing is suggested.
        var suggested = items.Where(i => i.EndsLocal > now).OrderBy(i => i.StartsLocal <= now ? 0 : 1).ThenBy(i => i.StartsLocal).Select(i => (Guid?)i.Id).FirstOrDefault();
        return new BadgeHolder(person.Id, person.Name, person.Organisation, person.Status, items, suggested);
    }
}

public sealed record CheckInResult(string Name, string Item, bool AlreadyPresent);

/// <summary>Marks the badge's holder present at an item. Scanning twice is harmless.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record CheckInCommand(Guid MissionId, Guid ItemId, string Token) : IRequest<CheckInResult>, IMissionRequest;

public sealed class CheckInHandler(AppDbContext db, CheckInLinks links, CurrentUser user, TimeProvider clock) : IRequestHandler<CheckInCommand, CheckInResult>
{
    public async Task<CheckInResult> Handle(CheckInCommand request, CancellationToken cancellationToken)
    {
        var id = links.Verify(request.Token) ?? throw new NotFoundException("Badge");
        var person = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.MissionId == request.MissionId && r.ErasedAt == null, cancellationToken)
            ?? throw new NotFoundException("Badge");
        var item = await db.ProgrammeItems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ItemId && p.MissionId == request.MissionId, cancellationToken)
            ?? throw new DomainException("ItemId", "Choose an item of this mission's programme.");
        if (person.Status != RegistrationStatus.Confirmed)
        {
            throw new DomainException("Token", $"{person.Name} is not a confirmed participant ({person.Status.ToString().ToLowerInvariant()}).");
        }

        if (await db.Attendances.AnyAsync(a => a.ProgrammeItemId == item.Id && a.RegistrationId == id, cancellationToken))
        {
            return new CheckInResult(person.Name, item.Title, AlreadyPresent: true);
        }

        db.Attendances.Add(new Attendance(request.MissionId, item.Id, id, user.OrganiserId ?? Guid.Empty, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two phones scanned the same badge at once: the person is present either way.
            return new CheckInResult(person.Name, item.Title, AlreadyPresent: true);
        }

        return new CheckInResult(person.Name, item.Title, AlreadyPresent: false);
    }
}

public sealed record AttendanceRow(string Name, string Organisation, DateTime At);

/// <summary>Who is present at an item, in order of arrival.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListAttendanceQuery(Guid MissionId, Guid ItemId) : IRequest<IReadOnlyList<AttendanceRow>>, IMissionRequest;

public sealed class ListAttendanceHandler(AppDbContext db) : IRequestHandler<ListAttendanceQuery, IReadOnlyList<AttendanceRow>>
{
    public async Task<IReadOnlyList<AttendanceRow>> Handle(ListAttendanceQuery request, CancellationToken cancellationToken) =>
        (await db.Attendances.AsNoTracking().Where(a => a.MissionId == request.MissionId && a.ProgrammeItemId == request.ItemId)
            .Join(db.Registrations, a => a.RegistrationId, r => r.Id, (a, r) => new { r.Name, r.Organisation, a.At })
            .OrderBy(x => x.At).ToListAsync(cancellationToken))
        .Select(x => new AttendanceRow(x.Name, x.Organisation, x.At)).ToList();
}
