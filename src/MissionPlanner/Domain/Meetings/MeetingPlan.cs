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

    public MeetingPlan(Guid missionId) => MissionId = missionId;

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
