using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Meetings;

/// <summary>One answer (or open question) about a meeting, for the organisers.</summary>
public sealed record MeetingOutcomeRow(
    Guid MeetingId, string Delegates, string Counterpart, DateTime StartsUtc, int Round, MeetingParty Party, string Person, MeetingResult? Result,
    string? NextSteps, DateTime? AnsweredAt);

/// <summary>Totals per round and result (answers, not meetings), the meetings held and not held, and every row.</summary>
public sealed record MeetingOutcomesView(
    int Held, int NoShows, IReadOnlyDictionary<int, IReadOnlyDictionary<MeetingResult, int>> Totals, int Asked, int Answered,
    IReadOnlyList<MeetingOutcomeRow> Rows)
{
    /// <summary>The rows as CSV (RFC 4180; UTF-8 with a byte-order mark, formulas guarded: <see cref="Common.Csv.Document"/>), for a spreadsheet or a funder's report.</summary>
    public byte[] Csv() => Common.Csv.Document(
        ["meeting", "start_utc", "delegates", "counterpart", "round", "side", "person", "outcome", "next_steps", "answered_utc"],
        Rows.Select(r => new[]
        {
            r.MeetingId.ToString(), r.StartsUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.Delegates, r.Counterpart,
            r.Round.ToString(CultureInfo.InvariantCulture), r.Party.ToString(), r.Person, r.Result?.ToString(), r.NextSteps,
            r.AnsweredAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }));
}

/// <summary>What came of the B2B meetings: answers from both sides, right after and at the follow-up, with totals.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetMeetingOutcomesQuery(Guid MissionId) : IRequest<MeetingOutcomesView>, IMissionRequest;

public sealed class GetMeetingOutcomesHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<GetMeetingOutcomesQuery, MeetingOutcomesView>
{
    public async Task<MeetingOutcomesView> Handle(GetMeetingOutcomesQuery request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = await (from m in db.Meetings.AsNoTracking().Include(x => x.Delegates)
                              join i in db.ProgrammeItems.AsNoTracking() on m.ProgrammeItemId equals i.Id
                              where m.MissionId == request.MissionId && !i.Cancelled && i.EndsAt <= now
                              select new { Meeting = m, i.StartsAt }).ToListAsync(cancellationToken);
        var outcomes = await db.MeetingOutcomes.AsNoTracking().Where(o => o.MissionId == request.MissionId).OrderBy(o => o.AskedAt).ToListAsync(cancellationToken);
        var names = await MeetingParties.NamesAsync(db, request.MissionId, cancellationToken);
        string Name(Guid id) => names.TryGetValue(id, out var n) ? $"{n.Name} ({n.Organisation})" : "(no longer listed)";
        var byId = meetings.ToDictionary(m => m.Meeting.Id);
        var rows = outcomes.Where(o => byId.ContainsKey(o.MeetingId)).Select(o =>
        {
            var m = byId[o.MeetingId];
            return new MeetingOutcomeRow(o.MeetingId, string.Join(" and ", m.Meeting.Delegates.Select(d => Name(d.RegistrationId)).Order()), Name(m.Meeting.CounterpartId),
                m.StartsAt, o.Round, o.Party, Name(o.PersonId), o.Result, o.NextSteps, o.AnsweredAt);
        }).OrderBy(r => r.StartsUtc).ThenBy(r => r.Round).ThenBy(r => r.Person).ToList();
        var totals = rows.Where(r => r.Result is not null).GroupBy(r => r.Round)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<MeetingResult, int>)Enum.GetValues<MeetingResult>().ToDictionary(v => v, v => g.Count(r => r.Result == v)));
        return new MeetingOutcomesView(meetings.Count(m => m.Meeting.NoShow is null), meetings.Count(m => m.Meeting.NoShow is not null), totals,
            rows.Count, rows.Count(r => r.Result is not null), rows);
    }
}
