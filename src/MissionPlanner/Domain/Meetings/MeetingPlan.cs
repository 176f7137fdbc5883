using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Meetings;

/// <summary>
/// A mission's B2B meeting schedule as a whole: draft after a run, then reviewed (moves), locked so no
/// run or move changes it, and published, which puts each meeting in its people's itineraries and
/// emails them; publishing again after changes emails only the people whose meetings changed.
/// </summary>
public sealed class MeetingPlan : IVersioned
{
    private MeetingPlan()
    {
    }

    public MeetingPlan(Guid missionId)
    {
        MissionId = missionId;
        RequestsOpen = true;
    }

    public Guid MissionId { get; private set; }
    public DateTime? LastRunAt { get; private set; }

    /// <summary>Meetings asked for that the last run could not place, with why, as JSON (<c>[{people, reason}]</c>).</summary>
    public string Unplaced { get; private set; } = "[]";
    public DateTime? LockedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    /// <summary>Meetings changed after the last publication.</summary>
    public bool ChangedSincePublish { get; private set; }

    /// <summary>Last run, move or arrangement: every change saves the plan, so its version guards against two organisers changing the schedule at once.</summary>
    public DateTime? ChangedAt { get; private set; }

    /// <summary>Each counterpart's schedule as last published (JSON: counterpart id → fingerprint), so republishing emails only those whose meetings changed.</summary>
    public string PublishedCounterparts { get; private set; } = "{}";
    public int Version { get; set; }

    /// <summary>Mode (a): delegates and counterparts ask each other, and the other side accepts or declines.</summary>
    public bool RequestsOpen { get; private set; }

    /// <summary>Mode (b): both sides mark each other "must meet / would like / no thanks"; mutual interest decides.</summary>
    public bool PreferenceRound { get; private set; }

    /// <summary>After this instant preferences can no longer be marked; null: until the organisers close the round.</summary>
    public DateTime? PreferencesDeadline { get; private set; }

    /// <summary>Which modes the mission uses (either or both).</summary>
    /// <exception cref="DomainException">
    /// On <c>PreferenceRound</c>: opening or extending the round while the published schedule is locked (unlock it first,
    /// so that new marks can change the schedule).
    /// </exception>
    public void SetModes(bool requests, bool preferenceRound, DateTime? deadline, DateTime now)
    {
        var opens = preferenceRound && (!PreferenceRound || deadline is null && PreferencesDeadline is not null || deadline > PreferencesDeadline);
        if (opens && PublishedAt is not null && LockedAt is not null && (deadline is null || deadline > now))
        {
            throw new DomainException(nameof(PreferenceRound), "The schedule is published and locked: unlock it before reopening the preference round.");
        }

        RequestsOpen = requests;
        PreferenceRound = preferenceRound;
        PreferencesDeadline = deadline;
    }

    /// <exception cref="DomainException">On <c>PreferenceRound</c>, when marks cannot be made now, saying why.</exception>
    public void EnsurePreferencesOpen(DateTime now)
    {
        if (!PreferenceRound)
        {
            throw new DomainException(nameof(PreferenceRound), "This mission has no preference round open.");
        }

        if (PreferencesDeadline is { } deadline && now >= deadline)
        {
            throw new DomainException(nameof(PreferencesDeadline), "The preference round has closed.");
        }

        if (PublishedAt is not null && LockedAt is not null)
        {
            throw new DomainException(nameof(PreferenceRound), "The meeting schedule is published and locked; ask the organisers.");
        }
    }

    public bool PreferencesOpen(DateTime now) => PreferenceRound && (PreferencesDeadline is not { } d || now < d) && !(PublishedAt is not null && LockedAt is not null);

    public void EnsureUnlocked()
    {
        if (LockedAt is not null)
        {
            throw new DomainException(nameof(LockedAt), "The meeting schedule is locked; unlock it to change it.");
        }
    }

    public void Ran(string unplaced, DateTime now)
    {
        EnsureUnlocked();
        Unplaced = unplaced;
        LastRunAt = now;
        Changed(now);
    }

    public void Changed(DateTime now)
    {
        ChangedSincePublish = PublishedAt is not null || ChangedSincePublish;
        ChangedAt = now;
    }

    public void Lock(DateTime now) => LockedAt = now;

    public void Unlock() => LockedAt = null;

    public void Published(string counterparts, DateTime now)
    {
        PublishedAt = now;
        PublishedCounterparts = counterparts;
        ChangedSincePublish = false;
    }
}
