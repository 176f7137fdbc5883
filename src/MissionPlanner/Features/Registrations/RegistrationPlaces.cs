using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// Decides places under a lock on the mission row: the first statement of the transaction
/// updates the mission (a row lock on PostgreSQL, the write lock on SQLite), so concurrent
/// registrations and cancellations are decided one after another and capacity is never oversold.
/// Callers run this inside their transaction and save the rest with it.
/// </summary>
internal static class RegistrationPlaces
{
    /// <summary>The next number in the mission's arrival order; as an update, it also takes the lock on the mission row.</summary>
    public static async Task<long> NextArrivalAsync(AppDbContext db, Guid missionId, CancellationToken ct) =>
        (await db.Database.SqlQuery<long>(
                $"UPDATE missions SET registration_sequence = registration_sequence + 1 WHERE id = {missionId} RETURNING registration_sequence AS \"Value\"")
            .ToListAsync(ct)).Single();

    /// <summary>Numbers for <paramref name="count"/> arrivals at once, with the counters as they are under the lock.</summary>
    public static async Task<MissionCounters> ReserveArrivalsAsync(AppDbContext db, Guid missionId, int count, CancellationToken ct) =>
        (await db.Database.SqlQuery<MissionCounters>(
                $"UPDATE missions SET registration_sequence = registration_sequence + {count} WHERE id = {missionId} RETURNING registration_sequence AS \"Sequence\", confirmed_count AS \"Confirmed\", capacity AS \"Capacity\"")
            .ToListAsync(ct)).Single();

    public static Task AddConfirmedAsync(AppDbContext db, Guid missionId, int count, CancellationToken ct) =>
        count == 0 ? Task.CompletedTask
            : db.Missions.Where(m => m.Id == missionId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ConfirmedCount, m => m.ConfirmedCount + count), ct);

    /// <summary>
    /// Takes a place if there is one, in one conditional update (the row count says whether it did).
    /// Call after <see cref="NextArrivalAsync"/> in the same transaction.
    /// </summary>
    public static async Task<bool> TryConfirmAsync(AppDbContext db, Guid missionId, CancellationToken ct, bool evenIfFull = false) =>
        await db.Missions.Where(m => m.Id == missionId && (evenIfFull || m.Capacity == null || m.ConfirmedCount < m.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConfirmedCount, m => m.ConfirmedCount + 1), ct) == 1;

    /// <summary>Gives a freed place (or new capacity) to the first people waiting, in order of arrival.</summary>
    /// <summary>
    /// Someone left (cancelled or was erased): before the mission starts, their place goes to those
    /// waiting (who are emailed by EmailPromotedRegistrations as the caller saves); once it has
    /// started, nobody could still come, so the place is only given up.
    /// </summary>
    public static async Task LeaveAsync(AppDbContext db, Mission mission, bool wasConfirmed, DateTime now, CancellationToken ct)
    {
        if (now < mission.UtcWindow().From)
        {
            await PromoteAsync(db, mission.Id, wasConfirmed, now, ct);
        }
        else if (wasConfirmed)
        {
            await db.Missions.Where(m => m.Id == mission.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConfirmedCount, m => m.ConfirmedCount - 1), ct);
        }
    }

    public static async Task<IReadOnlyList<Registration>> PromoteAsync(AppDbContext db, Guid missionId, bool freedOne, DateTime now,
        CancellationToken ct, Guid? except = null)
    {
        await db.Missions.Where(m => m.Id == missionId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConfirmedCount, m => m.ConfirmedCount - (freedOne ? 1 : 0)), ct);
        var state = await db.Missions.AsNoTracking().Where(m => m.Id == missionId)
            .Select(m => new { m.ConfirmedCount, m.Capacity }).FirstAsync(ct);
        var free = state.Capacity is null ? int.MaxValue : state.Capacity.Value - state.ConfirmedCount;
        if (free <= 0)
        {
            return [];
        }

        var promoted = await db.Registrations
            .Where(r => r.MissionId == missionId && r.Status == RegistrationStatus.Waitlisted && r.Id != except)
            .OrderBy(r => r.Arrival)
            .Take(Math.Min(free, 1000))
            .ToListAsync(ct);
        foreach (var registration in promoted)
        {
            registration.Promote(now);
            db.RegistrationAudits.Add(new RegistrationAudit(missionId, registration.Id, "promoted", "system", "A place became free.", now));
        }

        if (promoted.Count > 0)
        {
            await db.Missions.Where(m => m.Id == missionId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConfirmedCount, m => m.ConfirmedCount + promoted.Count), ct);
        }

        return promoted;
    }

    public static async Task<int> WaitlistPositionAsync(AppDbContext db, Registration registration, CancellationToken ct) =>
        registration.Status != RegistrationStatus.Waitlisted ? 0
            : 1 + await db.Registrations.CountAsync(r => r.MissionId == registration.MissionId && r.Status == RegistrationStatus.Waitlisted
                                                         && r.Arrival < registration.Arrival, ct);

    /// <summary>
    /// The status email; a confirmation carries the person's programme as an .ics attachment.
    /// Newcomers of one batch share a sector's programme (<paramref name="bySector"/>): chosen-people items cannot include them yet.
    /// </summary>
    public static async Task EnqueueStatusAsync(AppDbContext db, OutboxWriter outbox, Mission mission, Registration registration,
        string? link, int position, string? batch, CancellationToken ct, Dictionary<Sector, string?>? bySector = null)
    {
        var message = await outbox.EnqueueAsync("registration-status", registration.Email, registration.Name, Email(mission, registration, link, position),
            mission.Id, batch, ct);
        if (registration.Status != RegistrationStatus.Confirmed)
        {
            return;
        }

        string? calendar;
        if (bySector is null || !bySector.TryGetValue(registration.Sector, out calendar))
        {
            var now = registration.UpdatedAt;
            var items = await Itinerary.Itineraries.ForAsync(db, mission, registration, ct);
            // Newcomers of a batch have no saved history yet (revision 0); anyone else has theirs.
            var revision = bySector is null ? await Itinerary.Itineraries.RevisionAsync(db, registration.Id, ct) : 0;
            calendar = items.Count == 0 ? null
                : ICalendar.Write(mission.Title, mission.TimeZone, items.Select(i => Itinerary.Itineraries.Event(i, false, now, revision)).ToList());
            if (bySector is not null)
            {
                bySector[registration.Sector] = calendar;
            }
        }

        if (calendar is not null)
        {
            message.Attach("programme.ics", "text/calendar; method=PUBLISH", calendar);
        }
    }

    public static EmailModels.RegistrationStatus Email(Mission mission, Registration registration, string? link, int waitlistPosition) =>
        new(registration.Name, mission.Title, PublicLinks.Where(mission), PublicLinks.Dates(mission.StartDate, mission.EndDate),
            registration.Status.ToString(), registration.Status == RegistrationStatus.Confirmed,
            registration.Status == RegistrationStatus.Waitlisted, waitlistPosition, link)
        {
            Pending = registration.Status == RegistrationStatus.Pending,
            Declined = registration.Status == RegistrationStatus.Declined,
            Message = registration.DecisionMessage,
        };
}

internal sealed record MissionCounters(long Sequence, int Confirmed, int? Capacity);
