using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Meetings;

/// <summary>
/// Publishes the B2B schedule. Each meeting becomes a programme item of kind
/// <see cref="ProgrammeItemKind.B2BMeeting"/> for exactly its delegates (updated in place when published
/// before; meetings taken out are cancelled), so their itineraries, PDFs and calendars show it and the
/// programme-change emails tell each of them what is new or moved. Each counterpart whose meetings
/// changed since the last publication (all of them the first time) is emailed their schedule with
/// their link; the others are not written to.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record PublishMeetingPlanCommand(Guid MissionId) : IRequest<MeetingPublishResult>, IMissionRequest;

/// <summary>Meetings published, programme items cancelled (meetings taken out) and counterparts emailed.</summary>
public sealed record MeetingPublishResult(int Meetings, int Cancelled, int CounterpartsEmailed);

public sealed class PublishMeetingPlanHandler(AppDbContext db, PersonalLinks links, PublicLinks publicLinks, OutboxWriter outbox, TimeProvider clock)
    : IRequestHandler<PublishMeetingPlanCommand, MeetingPublishResult>
{
    public async Task<MeetingPublishResult> Handle(PublishMeetingPlanCommand request, CancellationToken cancellationToken)
    {
        var data = await MeetingSchedulingData.LoadAsync(db, request.MissionId, clock.GetUtcNow().UtcDateTime, cancellationToken, tracked: true);
        var mission = await db.Missions.FirstAsync(m => m.Id == request.MissionId, cancellationToken);
        var meetings = data.Meetings.Where(m => data.CanMeet(m.CounterpartId, m.Delegates.Select(d => d.RegistrationId))).ToList();
        if (meetings.Count == 0 && data.Plan.PublishedAt is null)
        {
            throw new DomainException("Meetings", "There are no meetings to publish yet: run the schedule or arrange a meeting first.");
        }

        if (data.Warnings(meetings).FirstOrDefault(w => w.Contains("slot no longer exists", StringComparison.Ordinal)) is { } stale)
        {
            throw new DomainException("Meetings", stale);
        }

        var items = await db.ProgrammeItems.Where(p => p.MissionId == request.MissionId && p.MeetingId != null).ToListAsync(cancellationToken);
        var itemIds = items.Select(i => i.Id).ToList();
        var audiences = (await db.ProgrammeItemPeople.Where(x => itemIds.Contains(x.ProgrammeItemId)).ToListAsync(cancellationToken))
            .ToLookup(x => x.ProgrammeItemId);
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellationToken);
        foreach (var meeting in meetings)
        {
            var counterpart = data.People[meeting.CounterpartId];
            var members = meeting.Delegates.Select(d => d.RegistrationId).Where(data.People.ContainsKey).ToHashSet();
            var title = Truncate($"B2B meeting: {counterpart.Label}", ProgrammeItem.TitleMax);
            var description = Truncate(Description(data, meeting), ProgrammeItem.DescriptionMax);
            var item = items.FirstOrDefault(i => i.MeetingId == meeting.Id);
            if (item is null)
            {
                item = new ProgrammeItem(mission, title, description, ProgrammeItemKind.B2BMeeting, meeting.StartsAt, meeting.EndsAt, meeting.VenueId, null, true);
                item.LinkToMeeting(meeting.Id);
                db.ProgrammeItems.Add(item);
            }
            else
            {
                if (item.Cancelled)
                {
                    item.Reinstate();
                }

                if ((item.Title, item.Description, item.StartsAt, item.EndsAt, item.VenueId) != (title, description, meeting.StartsAt, meeting.EndsAt, meeting.VenueId))
                {
                    item.Update(mission, title, description, ProgrammeItemKind.B2BMeeting, meeting.StartsAt, meeting.EndsAt, meeting.VenueId, null, true);
                }
            }

            var before = audiences[item.Id].Select(x => x.RegistrationId).ToHashSet();
            if (!before.SetEquals(members) || item.Audience != Audience.People)
            {
                item.SetAudience(Audience.People, []);
                db.ProgrammeItemPeople.RemoveRange(audiences[item.Id].Where(x => !members.Contains(x.RegistrationId)));
                db.ProgrammeItemPeople.AddRange(members.Except(before).Select(m => new ProgrammeItemPerson(item.Id, m)));
            }

            meeting.Published(item.Id);
        }

        var live = meetings.Select(m => m.Id).ToHashSet();
        var cancelled = 0;
        foreach (var item in items.Where(i => !i.Cancelled && !live.Contains(i.MeetingId!.Value)))
        {
            item.Cancel();
            cancelled++;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var published = JsonSerializer.Deserialize<Dictionary<Guid, string>>(data.Plan.PublishedCounterparts) ?? [];
        var schedules = meetings.GroupBy(m => m.CounterpartId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.StartsAt).Select(m => Line(data, m)).ToList());
        var fingerprints = schedules.ToDictionary(s => s.Key, s => Fingerprint(s.Value));
        var emailed = 0;
        foreach (var id in fingerprints.Keys.Union(published.Keys).Where(id => fingerprints.GetValueOrDefault(id) != published.GetValueOrDefault(id)))
        {
            if (await db.Counterparts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.RemovedAt == null, cancellationToken) is not { } counterpart)
            {
                continue;
            }

            var link = publicLinks.Counterpart(links.IssueAlongside(mission, LinkPurpose.Counterpart, counterpart.Id));
            await outbox.EnqueueAsync("meeting-schedule", counterpart.Email, counterpart.Name,
                new EmailModels.MeetingSchedule(counterpart.Name, mission.Title, PublicLinks.Where(mission), schedules.GetValueOrDefault(id) ?? [],
                    published.ContainsKey(id), link),
                mission.Id, null, cancellationToken);
            emailed++;
        }

        data.Plan.Published(JsonSerializer.Serialize(fingerprints), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MeetingPublishResult(meetings.Count, cancelled, emailed);
    }

    /// <summary>What the delegates read in their itinerary: table and session, who else comes, what the counterpart offers and seeks.</summary>
    private static string Description(MeetingSchedulingData data, Meeting meeting)
    {
        var parts = new List<string>();
        if (data.SessionById(meeting.SessionId) is { } session)
        {
            parts.Add($"Table {meeting.Table}, {session.Item.Title}.");
        }
        else if (meeting.Place is { } place)
        {
            parts.Add($"{place}.");
        }

        if (meeting.Delegates.Count > 1)
        {
            parts.Add($"Together with {string.Join(" and ", meeting.Delegates.Select(d => data.People.TryGetValue(d.RegistrationId, out var p) ? p.Name : null).OfType<string>().Order(StringComparer.CurrentCulture))}.");
        }

        return string.Join(" ", parts);
    }

    private static string Line(MeetingSchedulingData data, Meeting meeting) =>
        $"{data.Where(meeting)} · with {string.Join(" and ", meeting.Delegates.Select(d => data.People.TryGetValue(d.RegistrationId, out var p) ? p.Label : null).OfType<string>().Order(StringComparer.CurrentCulture))}";

    private static string Fingerprint(IEnumerable<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..32];

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
