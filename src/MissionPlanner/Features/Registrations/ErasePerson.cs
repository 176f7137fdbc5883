using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// Erases a person from the mission: their registration, invitation and emails are anonymised in
/// one transaction, so nothing names them any more, and every link they were given stops working; counts (a cancelled place, a sent email) stay.
/// A confirmed place that frees up goes to the next person waiting.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ErasePersonCommand(Guid MissionId, Guid RegistrationId) : IRequest<Unit>, IMissionRequest;

public sealed class ErasePersonHandler(AppDbContext db, DataDirectory data, PersonalLinks links, TimeProvider clock, CurrentUser user) : IRequestHandler<ErasePersonCommand, Unit>
{
    public async Task<Unit> Handle(ErasePersonCommand request, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.MissionId == request.MissionId && r.Id == request.RegistrationId, cancellationToken)
            ?? throw new NotFoundException("Registration");
        var now = clock.GetUtcNow().UtcDateTime;
        var email = registration.Email;
        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        registration.Erase(now);
        var invitations = await db.Invitations.Where(i => i.MissionId == request.MissionId && i.Email == email).ToListAsync(cancellationToken);
        foreach (var invitation in invitations)
        {
            invitation.Erase(registration.Email);
        }

        // A ceremony place taken as a delegate keeps its seat, without their name.
        var places = await db.CeremonyPeople.Where(p => p.RegistrationId == registration.Id).ToListAsync(cancellationToken);
        foreach (var place in places)
        {
            place.Erase();
        }

        // Every link they were given stops working: registration, calendar feed, invitations, ceremony confirmations.
        await links.RevokeAsync(null, [registration.Id, .. invitations.Select(i => i.Id), .. places.Select(p => p.Id)], PersonalLink.Reasons.Erased,
            cancellationToken);

        var messages = await db.OutboxMessages.Where(m => m.MissionId == request.MissionId && m.ToAddress == email).ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            message.Erase(registration.Email);
        }

        await db.TransferPassengers.Where(p => p.RegistrationId == registration.Id).ExecuteDeleteAsync(cancellationToken);
        await db.TravelLegs.Where(l => l.RegistrationId == registration.Id).ExecuteDeleteAsync(cancellationToken);
        await db.RoomAssignments.Where(a => a.RegistrationId == registration.Id).ExecuteDeleteAsync(cancellationToken);
        var letterFile = await db.VisaLetters.Where(l => l.RegistrationId == registration.Id).Select(l => l.File).FirstOrDefaultAsync(cancellationToken);
        await db.VisaLetters.Where(l => l.RegistrationId == registration.Id).ExecuteDeleteAsync(cancellationToken);
        // Their survey answers still count, but no longer name them, and what they wrote goes.
        foreach (var response in await db.SurveyResponses.Include(r => r.Answers).Where(r => r.RegistrationId == registration.Id).ToListAsync(cancellationToken))
        {
            response.Anonymise();
        }

        await db.RegistrationAudits.Where(a => a.RegistrationId == registration.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, (string?)null), cancellationToken);
        db.RegistrationAudits.Add(new RegistrationAudit(request.MissionId, registration.Id, "erased",
            user.IsSystem ? "system" : $"organiser {user.OrganiserId}", null, now));
        await db.SaveChangesAsync(cancellationToken);
        // Whoever gets the freed place is emailed (EmailPromotedRegistrations); the erased person is not.
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        await RegistrationPlaces.LeaveAsync(db, mission, wasConfirmed, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        Letters.LetterFiles.Delete(data, letterFile);
        // The pickup folder's copies of what was sent to them (a letter carries their passport number).
        Messaging.PickupCopies.Delete(data, messages.Select(m => m.Id).ToHashSet());
        return Unit.Value;
    }
}
