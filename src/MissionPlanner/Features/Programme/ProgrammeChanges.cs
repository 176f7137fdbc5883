using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Links;
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Programme;

/// <summary>
/// Records what changed in the programme and whom it touches, in the change's own save: for each
/// item, the confirmed people who had it in their programme before and who have it after (a
/// cancelled or removed item is in nobody's), and what to tell those who gained it, lost it or
/// kept it while it moved. Visit groups are worded as visits.
/// </summary>
internal sealed class ProgrammeChangeLog(TimeProvider clock) : DomainEventHandler<ProgrammeItemChanged>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    protected override async Task HandleAsync(AppDbContext db, IReadOnlyList<ProgrammeItemChanged> events, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var missions = new Dictionary<Guid, Mission>();
        foreach (var changes in events.GroupBy(e => e.Item))
        {
            var item = changes.Key;
            var kinds = changes.Select(c => c.Change).ToHashSet();
            if (!missions.TryGetValue(item.MissionId, out var mission))
            {
                // A mission saved together with its programme (the demo seed) is not in the database yet.
                mission = missions[item.MissionId] = db.Missions.Local.FirstOrDefault(m => m.Id == item.MissionId)
                    ?? await db.Missions.AsNoTracking().FirstAsync(m => m.Id == item.MissionId, ct);
            }

            var entry = db.Entry(item);
            var added = entry.State == EntityState.Added;
            var removed = entry.State == EntityState.Deleted;
            var before = added || entry.Property(x => x.Cancelled).OriginalValue
                ? []
                : await AudienceAsync(db, item, entry.Property(x => x.Audience).OriginalValue,
                    entry.Property(x => x.AudienceSectors).OriginalValue, afterChange: false, ct);
            var after = removed || item.Cancelled
                ? []
                : await AudienceAsync(db, item, item.Audience, item.AudienceSectors, afterChange: true, ct);
            var joined = after.Except(before).ToList();
            var left = before.Except(after).ToList();
            var stayed = after.Intersect(before).ToList();
            var when = When(item, mission);
            var visit = item.VisitId is not null;

            Record(db, item, added
                ? (visit ? $"Your visit: '{item.Title}', {when}." : $"New: '{item.Title}', {when}.")
                : kinds.Contains(ProgrammeItemChange.Reinstated) && !kinds.Contains(ProgrammeItemChange.AudienceChanged)
                    ? $"'{item.Title}' ({when}) takes place after all."
                : visit ? $"Your visit: '{item.Title}', {when}."
                : $"'{item.Title}' ({when}) is now in your programme.", joined, now);
            Record(db, item, removed
                ? $"'{item.Title}' ({when}) is no longer in the programme."
                : item.Cancelled ? (visit ? $"Cancelled: '{item.Title}', {when}." : $"'{item.Title}' ({when}) is cancelled.")
                : visit ? $"'{item.Title}', {when}, is no longer in your programme."
                : $"'{item.Title}' ({when}) is no longer in your programme.", left, now);
            if (changes.FirstOrDefault(c => c.Change == ProgrammeItemChange.Rescheduled) is { } moved)
            {
                Record(db, item, $"'{item.Title}' is now {when}{(moved.VenueChanged ? ", at another venue" : "")}.", stayed, now);
            }
        }
    }

    public static string When(ProgrammeItem item, Mission mission)
    {
        var from = MissionTime.ToLocal(item.StartsAt, mission.TimeZone);
        var to = MissionTime.ToLocal(item.EndsAt, mission.TimeZone);
        return $"{from.ToString("dddd d MMMM, HH:mm", English)}–{to.ToString("HH:mm", English)}";
    }

    /// <summary>
    /// The confirmed people an item is for with the given audience. Chosen people are read from the
    /// database as it was before this save (its SQL has not run yet) and, <paramref name="afterChange"/>,
    /// with the rows this save adds and removes.
    /// </summary>
    private static async Task<List<Guid>> AudienceAsync(AppDbContext db, ProgrammeItem item, Audience audience, string sectorList,
        bool afterChange, CancellationToken ct)
    {
        var confirmed = db.Registrations.Where(r => r.MissionId == item.MissionId && r.Status == RegistrationStatus.Confirmed);
        switch (audience)
        {
            case Audience.Everyone:
                return await confirmed.Select(r => r.Id).ToListAsync(ct);
            case Audience.Sectors:
                var sectors = sectorList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Sector>).ToHashSet();
                return (await confirmed.Select(r => new { r.Id, r.Sector }).ToListAsync(ct)).Where(r => sectors.Contains(r.Sector)).Select(r => r.Id).ToList();
            default:
                var chosen = (await db.ProgrammeItemPeople.AsNoTracking().Where(x => x.ProgrammeItemId == item.Id).Select(x => x.RegistrationId).ToListAsync(ct))
                    .ToHashSet();
                if (afterChange)
                {
                    foreach (var row in db.ChangeTracker.Entries<ProgrammeItemPerson>().Where(e => e.Entity.ProgrammeItemId == item.Id))
                    {
                        if (row.State == EntityState.Deleted)
                        {
                            chosen.Remove(row.Entity.RegistrationId);
                        }
                        else if (row.State == EntityState.Added)
                        {
                            chosen.Add(row.Entity.RegistrationId);
                        }
                    }
                }

                var ids = chosen.ToList();
                return await confirmed.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        }
    }

    private static void Record(AppDbContext db, ProgrammeItem item, string description, IReadOnlyCollection<Guid> affected, DateTime now)
    {
        if (affected.Count > 0)
        {
            db.ProgrammeChanges.Add(new ProgrammeChange(item.MissionId, item.Id, description, affected.ToList(), now));
        }
    }
}

/// <summary>
/// Emails each affected participant once per batch of programme changes, when the programme has
/// been quiet for the debounce period: what changed, in order, with their updated calendar as an
/// .ics attachment. People no longer confirmed are not written to.
/// </summary>
public sealed record NotifyProgrammeChangesCommand : IRequest<int>;

public sealed class NotifyProgrammeChangesHandler(AppDbContext db, OutboxWriter outbox, PersonalLinks links,
    IOptions<NotificationOptions> options, TimeProvider clock) : IRequestHandler<NotifyProgrammeChangesCommand, int>
{
    public async Task<int> Handle(NotifyProgrammeChangesCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quietSince = now - options.Value.ProgrammeChangeDebounce;
        var missions = await db.ProgrammeChanges.Where(c => c.NotifiedAt == null).GroupBy(c => c.MissionId)
            .Where(g => g.Max(c => c.At) <= quietSince).Select(g => g.Key).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var missionId in missions)
        {
            await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
            var changes = await db.ProgrammeChanges.Where(c => c.MissionId == missionId && c.NotifiedAt == null).OrderBy(c => c.At).ToListAsync(cancellationToken);
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionId, cancellationToken);
            var affected = changes.SelectMany(c => c.AffectedIds).ToHashSet();
            var people = await db.Registrations.AsNoTracking()
                .Where(r => r.MissionId == missionId && r.Status == RegistrationStatus.Confirmed && affected.Contains(r.Id)).ToListAsync(cancellationToken);
            var calendars = await links.CalendarUrlsAsync(people.Select(p => p.Id).ToList(), cancellationToken);
            foreach (var person in people)
            {
                var theirs = changes.Where(c => c.AffectedIds.Contains(person.Id)).Select(c => c.Description).Distinct().ToList();
                var items = await Itineraries.ForAsync(db, mission, person, cancellationToken);
                var revision = await Itineraries.RevisionAsync(db, person.Id, cancellationToken);
                var message = await outbox.EnqueueAsync("programme-changes", person.Email, person.Name,
                    new EmailModels.ProgrammeChanges(person.Name, mission.Title, PublicLinks.Where(mission), theirs, calendars.GetValueOrDefault(person.Id)),
                    mission.Id, $"programme-{now:yyyyMMdd-HHmm}", cancellationToken);
                message.Attach("programme.ics", "text/calendar; method=PUBLISH",
                    Common.ICalendar.Write(mission.Title, mission.TimeZone, items.Select(i => Itineraries.Event(i, false, now, revision)).ToList()));
                sent++;
            }

            foreach (var change in changes)
            {
                change.Notified(now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }
}

public sealed class ProgrammeChangesJob(IServiceScopeFactory scopes, ILogger<ProgrammeChangesJob> logger) : MissionJob(scopes, logger)
{
    public static readonly JobKey Key = new("programme-changes");

    protected override Task RunAsync(IMediator mediator, IJobExecutionContext context, CancellationToken ct) =>
        mediator.Send(new NotifyProgrammeChangesCommand(), ct);
}
