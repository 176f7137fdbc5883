using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.CheckIn;

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
