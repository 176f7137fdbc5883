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
using MissionPlanner.Jobs;
using MissionPlanner.Messaging;
using Quartz;

namespace MissionPlanner.Features.Programme;

/// <summary>Records what changed in the programme and whom it touches, in the change's own transaction.</summary>
internal static class ProgrammeChangeLog
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The confirmed people an item is for, as it stands in the database (call before and after a change).</summary>
    public static async Task<List<Guid>> AudienceAsync(AppDbContext db, ProgrammeItem item, CancellationToken ct)
    {
        var sectors = item.AudienceSectorList.Select(s => s.ToString()).ToList();
        var confirmed = db.Registrations.Where(r => r.MissionId == item.MissionId && r.Status == RegistrationStatus.Confirmed);
        return item.Audience switch
        {
            Audience.Everyone => await confirmed.Select(r => r.Id).ToListAsync(ct),
            Audience.Sectors => (await confirmed.Select(r => new { r.Id, r.Sector }).ToListAsync(ct)).Where(r => sectors.Contains(r.Sector.ToString())).Select(r => r.Id).ToList(),
            _ => await confirmed.Where(r => db.ProgrammeItemPeople.Any(x => x.ProgrammeItemId == item.Id && x.RegistrationId == r.Id)).Select(r => r.Id).ToListAsync(ct),
        };
    }

    public static string When(ProgrammeItem item, Mission mission)
    {
        var from = MissionTime.ToLocal(item.StartsAt, mission.TimeZone);
        var to = MissionTime.ToLocal(item.EndsAt, mission.TimeZone);
        return $"{from.ToString("dddd d MMMM, HH:mm", English)}–{to.ToString("HH:mm", English)}";
    }

    public static void Record(AppDbContext db, ProgrammeItem item, string description, IEnumerable<Guid> affected, DateTime now)
    {
        var people = affected.ToList();
        if (people.Count > 0)
        {
            db.ProgrammeChanges.Add(new ProgrammeChange(item.MissionId, item.Id, description, people, now));
        }
    }
}

/// <summary>
/// Emails each affected participant once per batch of programme changes, when the programme has
/// been quiet for the debounce period: what changed, in order, with their updated calendar as an
/// .ics attachment. People no longer confirmed are not written to.
/// </summary>
public sealed record NotifyProgrammeChangesCommand : IRequest<int>;

public sealed class NotifyProgrammeChangesHandler(AppDbContext db, OutboxWriter outbox, CalendarLinks calendar,
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
            foreach (var person in people)
            {
                var theirs = changes.Where(c => c.AffectedIds.Contains(person.Id)).Select(c => c.Description).Distinct().ToList();
                var items = await Itineraries.ForAsync(db, mission, person, cancellationToken);
                var message = await outbox.EnqueueAsync("programme-changes", person.Email, person.Name,
                    new EmailModels.ProgrammeChanges(person.Name, mission.Title, PublicLinks.Where(mission), theirs, calendar.Url(person.Id)),
                    mission.Id, $"programme-{now:yyyyMMdd-HHmm}", cancellationToken);
                message.Attach("programme.ics", "text/calendar; method=PUBLISH",
                    Common.ICalendar.Write(mission.Title, mission.TimeZone, items.Select(i => Itineraries.Event(i, false, now)).ToList()));
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
