using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Domain.FollowUp;

/// <summary>Where a follow-up action stands. Open and InProgress count as open; Done and Dropped are closed.</summary>
public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}

/// <summary>
/// Something to do after the mission: a next step agreed at the strategic session, in a B2B meeting
/// or on a visit, or a milestone in carrying out an agreement signed at the ceremony (an action
/// linked to that agreement). It has one owner (a person or an organisation, with the address
/// reminders go to) and a due day in the mission's time zone. The owner is reminded
/// <c>FollowUp:ReminderDaysBefore</c> days before the due day and again on it, each once.
/// </summary>
public sealed class FollowUpAction : IVersioned
{
    public const int TitleMax = 300;
    public const int NotesMax = 2000;

    private FollowUpAction()
    {
    }

    /// <param name="today">The day the action is created, in the mission's time zone: it may not be due before it.</param>
    public FollowUpAction(Guid missionId, string title, string? notes, string owner, string ownerEmail, DateOnly dueDate, DateOnly today, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        CreatedAt = now;
        CreatedOn = today;
        Change(title, notes, owner, ownerEmail, dueDate);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Title { get; private set; } = "";
    public string? Notes { get; private set; }
    public string Owner { get; private set; } = "";
    public string OwnerEmail { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public ActionStatus Status { get; private set; }

    /// <summary>The B2B meeting, visit or signed agreement this follows up, when any (at most one).</summary>
    public Guid? MeetingId { get; private set; }

    public Guid? VisitId { get; private set; }
    public Guid? AgreementId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>The day it was created in the mission's time zone; the due day is never earlier.</summary>
    public DateOnly CreatedOn { get; private set; }

    public DateTime? ClosedAt { get; private set; }
    public DateTime? RemindedBeforeAt { get; private set; }
    public DateTime? RemindedOnDueAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;

    /// <summary>A status in words, as pages and the report show it ("in progress").</summary>
    public static string Describe(ActionStatus status) => status == ActionStatus.InProgress ? "in progress" : status.ToString().ToLowerInvariant();

    public void Change(string title, string? notes, string owner, string ownerEmail, DateOnly dueDate)
    {
        if (dueDate < CreatedOn)
        {
            throw new DomainException(nameof(DueDate), $"An action cannot be due before the day it was created ({CreatedOn:yyyy-MM-dd}).");
        }

        if (dueDate != DueDate)
        {
            // A new due day gets its own reminders.
            RemindedBeforeAt = null;
            RemindedOnDueAt = null;
        }

        Title = title.Trim();
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Owner = owner.Trim();
        OwnerEmail = Organiser.NormaliseEmail(ownerEmail);
        DueDate = dueDate;
    }

    /// <summary>Links the action to what it follows up; at most one of the three.</summary>
    public void Follow(Guid? meetingId, Guid? visitId, Guid? agreementId)
    {
        if (new[] { meetingId, visitId, agreementId }.Count(x => x is not null) > 1)
        {
            throw new DomainException("Link", "An action follows up one meeting, visit or agreement, not several.");
        }

        MeetingId = meetingId;
        VisitId = visitId;
        AgreementId = agreementId;
    }

    public void SetStatus(ActionStatus status, DateTime now)
    {
        ClosedAt = status is ActionStatus.Done or ActionStatus.Dropped ? ClosedAt ?? now : null;
        Status = status;
    }

    public void RemindedBefore(DateTime now) => RemindedBeforeAt = now;

    public void RemindedOnDue(DateTime now) => RemindedOnDueAt = now;
}
