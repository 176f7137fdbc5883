using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Scheduling;
using Meeting = MissionPlanner.Domain.Meetings.Meeting;
using MeetingSession = MissionPlanner.Domain.Meetings.MeetingSession;
using SolverRequest = MissionPlanner.Scheduling.MeetingRequest;
using SolverSession = MissionPlanner.Scheduling.MeetingSession;

namespace MissionPlanner.Features.Meetings;

/// <summary>A B2B session as scheduling sees it: its programme item, its settings and its slots now.</summary>
internal sealed record SessionSlots(ProgrammeItem Item, MeetingSession Session, IReadOnlyList<SessionSlot> Slots);

/// <summary>Someone who meets: a confirmed delegate or a counterpart still on the list.</summary>
internal sealed record Meeter(Guid Id, MeetingParty Party, string Name, string Organisation, int? Cap, int Priority, IReadOnlyList<AvailabilitySpan> Availability)
{
    public string SolverId => (Party == MeetingParty.Delegate ? "d:" : "c:") + Id.ToString("N");

    public string Label => Organisation.Length == 0 ? Name : $"{Name} ({Organisation})";
}

/// <summary>One thing a delegate is already doing: a programme item outside the B2B sessions and meetings.</summary>
/// <param name="Away">The time before they arrive or after they leave (<see cref="MissionPlanner.Features.Travel.Stays"/>); the title says which ("arrives Mon 18 Jan 14:35").</param>
internal sealed record Engagement(string Title, DateTime StartsAt, DateTime EndsAt, Guid? VenueId, bool Away = false);

/// <summary>A meeting to be placed: the people who want it (a counterpart and one organisation's delegates).</summary>
internal sealed record WantedMeeting(Guid CounterpartId, IReadOnlyList<Guid> DelegateIds, bool MustMeet, bool DelegateAsked)
{
    public string Key => Meeting.Key(CounterpartId, DelegateIds);
}

/// <summary>A meeting the last run could not place, and why, as the plan stores it.</summary>
public sealed record UnplacedMeetingView(string People, string Reason);

/// <summary>
/// Everything the B2B schedule is built from and checked against, read in a few queries: the sessions
/// and their slots, confirmed delegates with their own programme (items, visits, travel legs, each at
/// its venue), counterparts with their stated availability, accepted requests, the current meetings
/// and the travel times between venues.
/// </summary>
internal sealed class MeetingSchedulingData
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public required DateTime Now { get; init; }
    public required Mission Mission { get; init; }
    public required MeetingPlan Plan { get; init; }
    public required List<SessionSlots> Sessions { get; init; }
    public required Dictionary<Guid, Meeter> People { get; init; }
    public required Dictionary<Guid, List<Engagement>> Busy { get; init; }
    public required List<Meeting> Meetings { get; init; }
    public required List<WantedMeeting> Wanted { get; init; }
    public required Dictionary<Guid, string> VenueNames { get; init; }
    public required Dictionary<(Guid, Guid), int> Travel { get; init; }

    /// <summary>Marks made in the preference round, and the pairs among them where both sides want to meet.</summary>
    public required int Marks { get; init; }

    public required int MutualPairs { get; init; }

    /// <param name="now">What has begun by then is history (<see cref="Meeting.HasBegun"/>).</param>
    public static async Task<MeetingSchedulingData> LoadAsync(AppDbContext db, Guid missionId, DateTime now, CancellationToken ct, bool tracked = false)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionId, ct);
        var plan = await MeetingPlans.GetAsync(db, missionId, ct);
        var sessions = await (from s in db.MeetingSessions.AsNoTracking()
                              join i in db.ProgrammeItems.AsNoTracking() on s.ProgrammeItemId equals i.Id
                              where s.MissionId == missionId && !i.Cancelled && i.Kind == ProgrammeItemKind.B2BMeetings
                              orderby i.StartsAt, i.Title
                              select new { s, i }).ToListAsync(ct);
        var delegates = await db.Registrations.AsNoTracking().Where(r => r.MissionId == missionId && r.Status == RegistrationStatus.Confirmed)
            .OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, r.Organisation, r.Sector, r.MeetingCap, r.MeetingPriority }).ToListAsync(ct);
        var counterparts = await db.Counterparts.AsNoTracking().Where(c => c.MissionId == missionId && c.RemovedAt == null)
            .OrderBy(c => c.Name).ToListAsync(ct);
        var people = delegates.Select(d => new Meeter(d.Id, MeetingParty.Delegate, d.Name, d.Organisation, d.MeetingCap, d.MeetingPriority, []))
            .Concat(counterparts.Select(c => new Meeter(c.Id, MeetingParty.Counterpart, c.Name, c.Organisation, c.MeetingCap, 0, c.AvailabilityList)))
            .ToDictionary(p => p.Id);

        var items = await db.ProgrammeItems.AsNoTracking()
            .Where(p => p.MissionId == missionId && !p.Cancelled && p.Kind != ProgrammeItemKind.B2BMeetings && p.Kind != ProgrammeItemKind.B2BMeeting)
            .ToListAsync(ct);
        var chosenItems = items.Where(i => i.Audience == Audience.People).Select(i => i.Id).ToList();
        var chosen = (await db.ProgrammeItemPeople.AsNoTracking().Where(x => chosenItems.Contains(x.ProgrammeItemId)).ToListAsync(ct))
            .ToLookup(x => x.RegistrationId, x => x.ProgrammeItemId);
        var stays = await MissionPlanner.Features.Travel.Stays.ForMissionAsync(db, missionId, ct);
        var busy = delegates.ToDictionary(d => d.Id, d => items
            .Where(i => i.Audience == Audience.Everyone
                        || i.Audience == Audience.Sectors && i.AudienceSectorList.Contains(d.Sector)
                        || i.Audience == Audience.People && chosen[d.Id].Contains(i.Id))
            .Select(i => new Engagement(i.Title, i.StartsAt, i.EndsAt, i.VenueId))
            .Concat(MissionPlanner.Features.Travel.Stays.Outside(stays.GetValueOrDefault(d.Id), mission).Select(o => new Engagement(o.Title, o.StartsAt, o.EndsAt, null, Away: true))).ToList());

        var meetings = await (tracked ? db.Meetings : db.Meetings.AsNoTracking()).Include(m => m.Delegates)
            .Where(m => m.MissionId == missionId).OrderBy(m => m.StartsAt).ToListAsync(ct);
        // A meeting in a session takes its slot's time now: moving the session or changing its slot length moves its meetings.
        var current = sessions.ToDictionary(x => x.i.Id, x => x.s.Slots(x.i));
        foreach (var m in meetings.Where(m => m.SessionId is { } id && current.ContainsKey(id)))
        {
            if (current[m.SessionId!.Value].FirstOrDefault(x => x.Number == m.Slot) is { } slot && (slot.StartsAt, slot.EndsAt) != (m.StartsAt, m.EndsAt))
            {
                m.PlaceInSession(m.SessionId.Value, slot, m.Table ?? 1, sessions.First(x => x.i.Id == m.SessionId).i.VenueId);
            }
        }

        var accepted = await db.MeetingRequests.AsNoTracking().Where(r => r.MissionId == missionId && r.Status == Domain.Meetings.MeetingRequestStatus.Accepted)
            .Select(r => new Interest(r.DelegateId, r.CounterpartId, false, r.From == MeetingParty.Delegate)).ToListAsync(ct);
        var marks = await db.MeetingPreferences.AsNoTracking().Where(p => p.MissionId == missionId).ToListAsync(ct);
        var mutual = marks.GroupBy(p => (p.DelegateId, p.CounterpartId))
            .Select(g => (g.Key, Must: MeetingPreference.Mutual(g.FirstOrDefault(p => p.From == MeetingParty.Delegate)?.Interest,
                g.FirstOrDefault(p => p.From == MeetingParty.Counterpart)?.Interest)))
            .Where(x => x.Must is not null).Select(x => new Interest(x.Key.DelegateId, x.Key.CounterpartId, x.Must!.Value, true)).ToList();
        // A delegate who meets the counterpart in a meeting the scheduler does not move (arranged, pinned, outside the sessions, or
        // begun) is not given a second one, even when colleagues asked later and their group is no longer the same people.
        var settled = meetings.Where(m => m.Arranged || m.Pinned || m.SessionId is null || m.HasBegun(now))
            .SelectMany(m => m.Delegates.Select(d => (d.RegistrationId, m.CounterpartId))).ToHashSet();
        return new MeetingSchedulingData
        {
            Now = now,
            Mission = mission,
            Plan = plan,
            Sessions = sessions.Select(x => new SessionSlots(x.i, x.s, x.s.Slots(x.i))).ToList(),
            People = people,
            Busy = busy,
            Meetings = meetings,
            Marks = marks.Count,
            MutualPairs = mutual.Count,
            Wanted = Group(accepted.Concat(mutual).Where(r => people.ContainsKey(r.DelegateId) && people.ContainsKey(r.CounterpartId)
                                                               && !settled.Contains((r.DelegateId, r.CounterpartId))), people),
            VenueNames = await db.Venues.AsNoTracking().Where(v => v.MissionId == missionId).ToDictionaryAsync(v => v.Id, v => v.Name, ct),
            Travel = await db.VenueTravelTimes.AsNoTracking().Where(t => t.MissionId == missionId).ToDictionaryAsync(t => (t.FromVenueId, t.ToVenueId), t => t.Minutes, ct),
        };
    }

    /// <summary>A pair that wants to meet: by an accepted request or mutual interest in the preference round.</summary>
    private sealed record Interest(Guid DelegateId, Guid CounterpartId, bool MustMeet, bool DelegateAsked);

    /// <summary>
    /// Accepted requests and mutual preferences as meetings: delegates of one organisation who each want to
    /// meet the same counterpart meet them together, as one meeting for all of them (a "must meet" if it is for any).
    /// </summary>
    private static List<WantedMeeting> Group(IEnumerable<Interest> wanted, Dictionary<Guid, Meeter> people) =>
        wanted.GroupBy(r => (r.CounterpartId, Organisation: people[r.DelegateId].Organisation.Trim().ToUpperInvariant()))
            .Select(g => new WantedMeeting(g.Key.CounterpartId, g.Select(r => r.DelegateId).Distinct().Order().ToList(), g.Any(r => r.MustMeet),
                g.Any(r => r.DelegateAsked)))
            .OrderBy(w => w.Key, StringComparer.Ordinal).ToList();

    public SessionSlots? SessionById(Guid? id) => Sessions.FirstOrDefault(s => s.Item.Id == id);

    public int TravelMinutes(Guid? from, Guid? to) =>
        from is not { } a || to is not { } b || a == b ? 0 : Travel.TryGetValue(a.CompareTo(b) < 0 ? (a, b) : (b, a), out var m) ? m : 0;

    public static string SlotId(Guid sessionId, int slot) => $"{sessionId:N}/{slot}";

    public string Names(Meeting meeting) => Names(meeting.CounterpartId, meeting.Delegates.Select(d => d.RegistrationId));

    public string Names(Guid counterpartId, IEnumerable<Guid> delegateIds) =>
        $"{string.Join(" and ", delegateIds.Select(d => People.TryGetValue(d, out var p) ? p.Label : "a former delegate").Order(StringComparer.CurrentCulture))} with "
        + (People.TryGetValue(counterpartId, out var c) ? c.Label : "a removed counterpart");

    public string When(DateTime startsAt, DateTime endsAt)
    {
        var zone = Mission.TimeZone;
        return $"{MissionTime.ToLocal(startsAt, zone).ToString("ddd d MMM HH:mm", English)}–{MissionTime.ToLocal(endsAt, zone):HH:mm}";
    }

    /// <summary>Where a meeting is: "table 4, 'Matchmaking', Tue 10 Mar 14:00–14:20" or "Embassy library, Tue 10 Mar 09:00–09:30".</summary>
    public string Where(Meeting meeting) => SessionById(meeting.SessionId) is { } session
        ? $"table {meeting.Table} in '{session.Item.Title}', {When(meeting.StartsAt, meeting.EndsAt)}"
        : $"{string.Join(", ", new[] { meeting.Place, meeting.VenueId is { } v && VenueNames.TryGetValue(v, out var name) ? name : null }.OfType<string>().DefaultIfEmpty("another place"))}, {When(meeting.StartsAt, meeting.EndsAt)}";

    /// <summary>
    /// The problem for the solver: the wanted meetings, plus the pinned meetings in sessions (held in
    /// their slot); meetings arranged outside the sessions, and those that have begun, are fixed, so they
    /// make their people busy and count against their caps. Slots that have begun by <see cref="Now"/>
    /// are not offered: a run during the mission plans only what is still ahead.
    /// </summary>
    public MeetingProblem Problem()
    {
        var now = Now;
        var outside = Meetings.Where(m => m.SessionId is null || m.HasBegun(now)).ToList();
        var fixedFor = outside.SelectMany(m => m.Delegates.Select(d => d.RegistrationId).Append(m.CounterpartId).Select(p => (p, m))).ToLookup(x => x.p, x => x.m);
        var solverSessions = Sessions.Select(s => new SolverSession(s.Item.Id.ToString("N"), s.Item.VenueId?.ToString("N") ?? "",
            s.Slots.Where(x => x.StartsAt > now).Select(x => new MeetingSlot(SlotId(s.Item.Id, x.Number), x.StartsAt, x.EndsAt)).ToList(), s.Session.Tables)).ToList();
        var asked = Wanted.Where(w => w.DelegateAsked).SelectMany(w => w.DelegateIds).ToHashSet();
        var attendees = People.Values.Select(p => new Attendee(p.SolverId,
            (p.Party == MeetingParty.Delegate ? Busy[p.Id].Select(b => new Slot(b.StartsAt, b.EndsAt, b.VenueId?.ToString("N") ?? "")) : [])
            .Concat(fixedFor[p.Id].Select(m => new Slot(m.StartsAt, m.EndsAt, m.VenueId?.ToString("N") ?? ""))).ToList(),
            p.Availability.Count == 0 ? null : p.Availability.Select(a => new Slot(a.From, a.To, "")).ToList(),
            p.Cap is { } cap ? Math.Max(0, cap - fixedFor[p.Id].Count()) : null,
            asked.Contains(p.Id), p.Priority)).ToList();

        var requests = new Dictionary<string, SolverRequest>();
        // Pinned meetings stay in their slot; one whose slot is gone (the session moved or shrank) is placed again.
        foreach (var m in Meetings.Except(outside).Where(m => m.Pinned && CanMeet(m.CounterpartId, m.Delegates.Select(d => d.RegistrationId))))
        {
            var holds = SessionById(m.SessionId) is { } s && s.Slots.Any(x => x.Number == m.Slot && x.StartsAt > now);
            requests[m.PeopleKey] = new SolverRequest(m.PeopleKey, SolverPeople(m.CounterpartId, m.Delegates.Select(d => d.RegistrationId)), m.MustMeet,
                holds ? SlotId(m.SessionId!.Value, m.Slot!.Value) : null);
        }

        var outsideKeys = outside.Select(m => m.PeopleKey).ToHashSet();
        foreach (var w in Wanted.Where(w => !requests.ContainsKey(w.Key) && !outsideKeys.Contains(w.Key)))
        {
            requests[w.Key] = new SolverRequest(w.Key, SolverPeople(w.CounterpartId, w.DelegateIds), w.MustMeet);
        }

        return new MeetingProblem(solverSessions, attendees, requests.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
            (from, to) => from.Length == 0 || to.Length == 0 ? 0 : TravelMinutes(Guid.ParseExact(from, "N"), Guid.ParseExact(to, "N")));
    }

    /// <summary>The counterpart is still listed and at least one of the delegates is still confirmed.</summary>
    public bool CanMeet(Guid counterpartId, IEnumerable<Guid> delegateIds) => People.ContainsKey(counterpartId) && delegateIds.Any(People.ContainsKey);

    /// <summary>The people of a meeting who can still meet: confirmed delegates, a counterpart still listed.</summary>
    private List<string> SolverPeople(Guid counterpartId, IEnumerable<Guid> delegateIds) =>
        delegateIds.Append(counterpartId).Where(People.ContainsKey).Select(p => People[p].SolverId).ToList();

    public string Reason(UnplacedMeeting unplaced)
    {
        var who = unplaced.Attendee is { } a && People.Values.FirstOrDefault(p => p.SolverId == a) is { } person ? person.Name : "one of them";
        return unplaced.Reason switch
        {
            MeetingReason.NoCommonFreeSlot => "no slot in which both sides are free (their programme, travel time and stated availability count)",
            MeetingReason.TablesFull => "every slot both sides have free has all its tables taken",
            MeetingReason.CapReached => $"{who} has reached their meeting cap",
            _ => $"{who} has another meeting in every slot both sides have free",
        };
    }

    public static string UnplacedJson(IEnumerable<UnplacedMeetingView> unplaced) => JsonSerializer.Serialize(unplaced.ToList());

    public static IReadOnlyList<UnplacedMeetingView> ReadUnplaced(string json) => JsonSerializer.Deserialize<List<UnplacedMeetingView>>(json) ?? [];

    /// <summary>
    /// What is wrong with the meetings as they stand (or would be after a change): a table taken twice
    /// or beyond the session's tables, a slot the session no longer has, someone in two places at once
    /// or without time to travel, a counterpart outside their stated availability, a cap exceeded.
    /// </summary>
    public List<string> Warnings(IReadOnlyCollection<Meeting> meetings, Func<Meeting, bool>? about = null)
    {
        var warnings = new List<string>();
        foreach (var m in meetings.Where(m => about is null || about(m)))
        {
            if (m.SessionId is { } sessionId)
            {
                var session = SessionById(sessionId);
                if (session is null || session.Slots.All(s => s.Number != m.Slot))
                {
                    warnings.Add($"{Names(m)}: its session slot no longer exists (the session was moved, shortened or cancelled); run the schedule or move it.");
                }
                else if (m.Table > session.Session.Tables)
                {
                    warnings.Add($"{Names(m)}: table {m.Table} is beyond the {session.Session.Tables} tables of '{session.Item.Title}'.");
                }
                else if (meetings.Any(o => o.Id != m.Id && o.SessionId == sessionId && o.Slot == m.Slot && o.Table == m.Table))
                {
                    warnings.Add($"Two meetings are at table {m.Table} in '{session.Item.Title}', {When(m.StartsAt, m.EndsAt)}.");
                }
            }

            if (People.TryGetValue(m.CounterpartId, out var counterpart) && counterpart.Availability.Count > 0
                && !counterpart.Availability.Any(a => a.From <= m.StartsAt && m.EndsAt <= a.To))
            {
                warnings.Add($"{counterpart.Name} did not say they are available at {When(m.StartsAt, m.EndsAt)}.");
            }
        }

        var byPerson = meetings.SelectMany(m => m.Delegates.Select(d => d.RegistrationId).Append(m.CounterpartId).Select(p => (p, m)))
            .GroupBy(x => x.p, x => x.m);
        foreach (var mine in byPerson)
        {
            if (!People.TryGetValue(mine.Key, out var person))
            {
                continue;
            }

            var list = mine.OrderBy(m => m.StartsAt).ToList();
            if (about is not null && !list.Any(about))
            {
                continue;
            }

            if (person.Cap is { } cap && list.Count > cap)
            {
                warnings.Add($"{person.Name} has {list.Count} meetings; their cap is {cap}.");
            }

            foreach (var m in list.Where(m => about is null || about(m)))
            {
                foreach (var b in Busy.GetValueOrDefault(person.Id) ?? [])
                {
                    if (b.Away)
                    {
                        if (m.StartsAt < b.EndsAt && b.StartsAt < m.EndsAt)
                        {
                            warnings.Add($"{person.Name} {b.Title}, outside their meeting at {Where(m)}.");
                        }

                        continue;
                    }

                    var gap = TravelMinutes(m.VenueId, b.VenueId);
                    if (m.StartsAt < b.EndsAt.AddMinutes(gap) && b.StartsAt < m.EndsAt.AddMinutes(gap))
                    {
                        warnings.Add(m.StartsAt < b.EndsAt && b.StartsAt < m.EndsAt
                            ? $"{person.Name} would be at {Where(m)} and in '{b.Title}' at the same time."
                            : $"{person.Name} would not have the {gap} minutes needed to travel between {Where(m)} and '{b.Title}'.");
                    }
                }
            }

            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (x, y) = (list[i], list[j]);
                    if ((about is null || about(x) || about(y)) && y.StartsAt < x.EndsAt.AddMinutes(TravelMinutes(x.VenueId, y.VenueId)))
                    {
                        warnings.Add($"{person.Name} would have two meetings at once or without time to travel: {Where(x)} and {Where(y)}.");
                    }
                }
            }
        }

        return warnings.Distinct().ToList();
    }
}

internal static class MeetingPlans
{
    /// <summary>The mission's meeting plan, created the first time it is needed (tracked).</summary>
    public static async Task<MeetingPlan> GetAsync(AppDbContext db, Guid missionId, CancellationToken ct)
    {
        var plan = db.MeetingPlans.Local.FirstOrDefault(p => p.MissionId == missionId)
            ?? await db.MeetingPlans.FirstOrDefaultAsync(p => p.MissionId == missionId, ct);
        if (plan is null)
        {
            plan = new MeetingPlan(missionId);
            db.MeetingPlans.Add(plan);
        }

        return plan;
    }
}
