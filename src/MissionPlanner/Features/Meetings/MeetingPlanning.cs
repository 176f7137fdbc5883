using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Meetings;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Meetings;

/// <summary>What the organisers' meeting use cases share: a meeting as the plan shows it, finding one, and placing one where asked.</summary>
internal static class MeetingPlanning
{
    public static PlannedMeeting Planned(MeetingSchedulingData data, Meeting m)
    {
        var zone = data.Mission.TimeZone;
        var counterpart = data.People.GetValueOrDefault(m.CounterpartId);
        var delegates = m.Delegates.Select(d => d.RegistrationId).ToList();
        return new PlannedMeeting(m.Id, m.CounterpartId, counterpart?.Name ?? "(removed)", counterpart?.Organisation ?? "", delegates,
            delegates.Select(d => data.People.TryGetValue(d, out var p) ? p.Label : "(no longer confirmed)").Order(StringComparer.CurrentCulture).ToList(),
            m.SessionId, m.Slot, m.Table, MissionTime.ToLocal(m.StartsAt, zone), MissionTime.ToLocal(m.EndsAt, zone), data.Where(m),
            m.MustMeet, m.Arranged, m.Pinned, m.ProgrammeItemId is not null)
        {
            NoShow = m.NoShow,
            Place = m.Place,
        };
    }

    public static Meeting Find(MeetingSchedulingData data, Guid meetingId) =>
        data.Meetings.FirstOrDefault(m => m.Id == meetingId) ?? throw new NotFoundException("Meeting");

    /// <summary>
    /// Puts <paramref name="meeting"/> in a session slot and table, or at a time and place of its own.
    /// Only the organisers' hard rule is checked here: a session's slot and table must exist and the table
    /// be free; everything else is a warning (<see cref="MeetingSchedulingData.Warnings"/>).
    /// </summary>
    /// <exception cref="DomainException">Naming the field: no such session, slot or table; the table taken; times missing or outside the mission's days.</exception>
    public static void Place(MeetingSchedulingData data, Meeting meeting, MeetingPlacement where)
    {
        if (where.SessionId is { } sessionId)
        {
            var session = data.SessionById(sessionId) ?? throw new DomainException("SessionId", "That is not a B2B meetings session of this mission, or its slots are not set yet.");
            var slot = session.Slots.FirstOrDefault(s => s.Number == where.Slot)
                ?? throw new DomainException("Slot", $"'{session.Item.Title}' has slots 1 to {session.Slots.Count}.");
            var table = where.Table ?? Enumerable.Range(1, session.Session.Tables)
                .FirstOrDefault(t => !data.Meetings.Any(m => m.Id != meeting.Id && m.SessionId == sessionId && m.Slot == slot.Number && m.Table == t));
            if (table < 1 || table > session.Session.Tables)
            {
                throw new DomainException("Table", table == 0
                    ? $"Every table of '{session.Item.Title}' is taken in slot {slot.Number}."
                    : $"'{session.Item.Title}' has tables 1 to {session.Session.Tables}.");
            }

            if (data.Meetings.FirstOrDefault(m => m.Id != meeting.Id && m.SessionId == sessionId && m.Slot == slot.Number && m.Table == table) is { } taken)
            {
                throw new DomainException("Table", $"Table {table} in slot {slot.Number} is taken by {data.Names(taken)}.");
            }

            meeting.PlaceInSession(sessionId, slot, table, session.Item.VenueId);
            return;
        }

        if (where.StartsAtLocal is not { } from || where.EndsAtLocal is not { } to)
        {
            throw new DomainException("StartsAt", "Choose a session slot, or give the meeting's start and end.");
        }

        var (start, end) = (MissionTime.FromTyped(from, data.Mission.TimeZone, "StartsAt"), MissionTime.FromTyped(to, data.Mission.TimeZone, "EndsAt"));
        data.Mission.EnsureWithinDays(start, end);
        if (where.VenueId is { } venue && !data.VenueNames.ContainsKey(venue))
        {
            throw new DomainException("VenueId", "That venue is not one of this mission's.");
        }

        meeting.PlaceAt(start, end, where.VenueId, where.Place);
    }
}

/// <summary>Where a meeting goes: a session's slot (and table, else the first free one), or a time (local to the mission) and place.</summary>
public sealed record MeetingPlacement(Guid? SessionId, int? Slot, int? Table, DateTime? StartsAtLocal, DateTime? EndsAtLocal, Guid? VenueId, string? Place);
