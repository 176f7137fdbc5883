using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Meetings;

/// <summary>Who asked: a delegate (a registration) or a counterpart.</summary>
public enum MeetingParty
{
    Delegate,
    Counterpart,
}

public enum MeetingRequestStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>
/// A request for a B2B meeting between one delegate and one counterpart, from either side, with a short
/// message; the other side accepts or declines (with a reply). One request per pair: asking again after
/// a withdrawal reopens it; after a decline only the organisers can arrange a meeting.
/// </summary>
public sealed class MeetingRequest
{
    public const int MessageMax = 1000;

    private MeetingRequest()
    {
    }

    public MeetingRequest(Guid missionId, Guid delegateId, Guid counterpartId, MeetingParty from, string? message, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        DelegateId = delegateId;
        CounterpartId = counterpartId;
        Open(from, message, now);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }

    /// <summary>The delegate's registration.</summary>
    public Guid DelegateId { get; private set; }
    public Guid CounterpartId { get; private set; }
    public MeetingParty From { get; private set; }
    public string? Message { get; private set; }
    public MeetingRequestStatus Status { get; private set; }
    public string? Reply { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    /// <summary>Reminders sent to the side that answers while the request is open, and the last one's time.</summary>
    public int Reminders { get; private set; }
    public DateTime? LastRemindedAt { get; private set; }

    public void Reminded(DateTime now)
    {
        Reminders++;
        LastRemindedAt = now;
    }

    /// <summary>Who answers: the side that did not ask.</summary>
    public MeetingParty To => From == MeetingParty.Delegate ? MeetingParty.Counterpart : MeetingParty.Delegate;

    /// <summary>Asks again after a withdrawal (either side may).</summary>
    /// <exception cref="DomainException">On <c>Status</c>: the pair has a request open, accepted or declined already.</exception>
    public void AskAgain(MeetingParty from, string? message, DateTime now)
    {
        if (Status != MeetingRequestStatus.Withdrawn)
        {
            throw new DomainException(nameof(Status), Status switch
            {
                MeetingRequestStatus.Pending => "You have a request open with this person already.",
                MeetingRequestStatus.Accepted => "You are meeting this person already.",
                _ => "This person declined a meeting; the organisers can still arrange one.",
            });
        }

        Open(from, message, now);
    }

    /// <exception cref="DomainException">On <c>Status</c>, when the request is not open or <paramref name="by"/> is the side that asked.</exception>
    public void Answer(MeetingParty by, bool accept, string? reply, DateTime now)
    {
        if (by == From)
        {
            throw new DomainException(nameof(Status), "The other side answers a request.");
        }

        if (Status != MeetingRequestStatus.Pending)
        {
            throw new DomainException(nameof(Status), $"This request is {Status.ToString().ToLowerInvariant()} already.");
        }

        Status = accept ? MeetingRequestStatus.Accepted : MeetingRequestStatus.Declined;
        Reply = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        AnsweredAt = now;
    }

    /// <summary>The side that asked takes the request back, while it is open or accepted.</summary>
    public void Withdraw(MeetingParty by, DateTime now)
    {
        if (by != From || Status is not (MeetingRequestStatus.Pending or MeetingRequestStatus.Accepted))
        {
            throw new DomainException(nameof(Status), "Only an open or accepted request can be withdrawn, by the side that asked.");
        }

        Status = MeetingRequestStatus.Withdrawn;
        AnsweredAt = now;
    }

    private void Open(MeetingParty from, string? message, DateTime now)
    {
        From = from;
        Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        Status = MeetingRequestStatus.Pending;
        Reply = null;
        CreatedAt = now;
        AnsweredAt = null;
        Reminders = 0;
        LastRemindedAt = null;
    }
}
