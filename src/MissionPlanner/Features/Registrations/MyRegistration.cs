using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

public sealed record MyRegistrationView(
    string MissionTitle, string Where, string When, string Name, string Email, string Organisation, Sector Sector, DelegationRole Role,
    string? Dietary, string? Accessibility, bool ConsentPhotos, bool ConsentListing, RegistrationStatus Status, int WaitlistPosition,
    string? JobTitle, string? Phone, bool CanChange, DateTime? ArrivalAt, string? ArrivalBy, DateTime? DepartureAt, string? DepartureBy,
    bool AccommodationNeeded, string? EmergencyContact)
{
    public Guid MissionId { get; init; }
    public string? Bio { get; init; }

    /// <summary>B2B profile: topics separated by "; ", what they offer and seek, and whether counterparts may see it.</summary>
    public string MeetingTopics { get; init; } = "";

    public string? MeetingOffers { get; init; }

    public string? MeetingSeeks { get; init; }

    public bool ShareProfile { get; init; }

    /// <summary>With accommodation: who they would like to share a room with, as typed.</summary>
    public string? RoomSharing { get; init; }
    public IReadOnlyDictionary<Guid, string[]> Answers { get; init; } = new Dictionary<Guid, string[]>();
    public bool IdDetailsOnFile { get; init; }
    public string? DecisionMessage { get; init; }

    /// <summary>The mission offers visits the person can rank.</summary>
    public bool HasVisits { get; init; }

    /// <summary>The person may still cancel: their registration is live and the mission has not ended.</summary>
    public bool CanCancel { get; init; }
}

internal static class RegistrationCancellation
{
    /// <summary>The audit actor of a person acting through their own link.</summary>
    public const string Participant = "participant";

    /// <summary>A participant may cancel until the mission's last day has ended; after it there is nothing left to cancel.</summary>
    public static bool StillPossible(Mission mission, DateTime now) => now < mission.UtcWindow().To;

    public static async Task CancelAsync(AppDbContext db, OutboxWriter outbox, Registration registration,
        string actor, DateTime now, CancellationToken ct)
    {
        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == registration.MissionId, ct);
        await using var transaction = await WriteTransaction.BeginAsync(db, ct);
        registration.Cancel(now, byParticipant: actor == Participant);
        db.RegistrationAudits.Add(new RegistrationAudit(mission.Id, registration.Id, "cancelled", actor, null, now));
        // Their places on visits go back to the schedule (the next publication takes them out of the groups).
        var places = await db.VisitAssignments.Where(a => a.RegistrationId == registration.Id).ToListAsync(ct);
        if (places.Count > 0)
        {
            db.VisitAssignments.RemoveRange(places);
            (await Visits.VisitPlans.GetAsync(db, mission.Id, ct)).Changed();
        }

        // Saved before promoting, so the person leaving is no longer "waiting" for the query below.
        await db.SaveChangesAsync(ct);
        // No link in a cancellation: the personal link keeps working and shows the cancelled registration.
        await outbox.EnqueueAsync("registration-status", registration.Email, registration.Name,
            RegistrationPlaces.Email(mission, registration, null, 0), mission.Id, null, ct);
        await RegistrationPlaces.LeaveAsync(db, mission, wasConfirmed, now, ct);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}

internal static class RegistrationTokens
{
    /// <summary>The registration behind a personal link; a wrong, expired (<see cref="LinkExpiry"/>) or revoked link is "not found".</summary>
    public static async Task<Registration> FindAsync(AppDbContext db, PersonalLinks links, string token, CancellationToken ct, bool tracked = false)
    {
        var link = await links.FindAsync(LinkPurpose.Registration, token, ct);
        var query = tracked ? db.Registrations : db.Registrations.AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.Id == link.SubjectId && r.ErasedAt == null, ct) ?? throw new NotFoundException("Registration");
    }
}
