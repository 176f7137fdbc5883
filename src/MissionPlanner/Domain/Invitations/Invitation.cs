using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Domain.Invitations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Revoked,
}

/// <summary>
/// A personal invitation to a mission, opened through a <see cref="Links.PersonalLink"/> of purpose
/// Invitation that works for this person and mission only, until it expires or is revoked.
/// </summary>
public sealed class Invitation
{
    public const int NameMax = 200;

    private Invitation()
    {
    }

    public Invitation(Guid missionId, string email, string name, string? organisation, string? batch, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Email = Organiser.NormaliseEmail(email);
        Name = name.Trim();
        Organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim();
        Batch = batch;
        Status = InvitationStatus.Pending;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Organisation { get; private set; }
    public string? Batch { get; private set; }
    public InvitationStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public int RemindersSent { get; private set; }
    public DateTime? LastRemindedAt { get; private set; }

    public void Respond(bool accept, DateTime now)
    {
        Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined;
        RespondedAt = now;
    }

    public void Revoke() => Status = InvitationStatus.Revoked;

    public void Erase(string placeholderEmail)
    {
        Email = placeholderEmail;
        Name = "Erased participant";
        Organisation = null;
        Status = InvitationStatus.Revoked;
    }

    public void Reminded(DateTime now)
    {
        RemindersSent++;
        LastRemindedAt = now;
    }
}

/// <summary>Records that the reminder N days before a deadline went out, so it goes out once.</summary>
public sealed class ReminderRun
{
    private ReminderRun()
    {
    }

    public ReminderRun(Guid missionId, DateOnly deadline, int daysBefore, int recipients, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Deadline = deadline;
        DaysBefore = daysBefore;
        Recipients = recipients;
        RanAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public DateOnly Deadline { get; private set; }
    public int DaysBefore { get; private set; }
    public int Recipients { get; private set; }
    public DateTime RanAt { get; private set; }
}
