using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Meetings;

/// <summary>What came of a B2B meeting, as b2match and Enterprise Europe Network brokerage events ask it.</summary>
public enum MeetingResult
{
    NoFurtherContact,
    FollowUpPlanned,
    NegotiationStarted,
    AgreementInPreparation,
    AgreementReached,
}

/// <summary>
/// One side's answer about one meeting in one round: round 1 is asked right after the meeting, round 2 a
/// configurable time later (six months by default). The row exists from when it is asked; <see cref="Result"/>
/// is null until answered. Each delegate of a joint meeting answers for themselves.
/// </summary>
public sealed class MeetingOutcome
{
    public const int NextStepsMax = 2000;

    private MeetingOutcome()
    {
    }

    public MeetingOutcome(Guid missionId, Guid meetingId, MeetingParty party, Guid personId, int round, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        MeetingId = meetingId;
        Party = party;
        PersonId = personId;
        Round = round;
        AskedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid MeetingId { get; private set; }
    public MeetingParty Party { get; private set; }

    /// <summary>The delegate's registration or the counterpart.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>1: right after the meeting; 2: the follow-up months later.</summary>
    public int Round { get; private set; }
    public MeetingResult? Result { get; private set; }
    public string? NextSteps { get; private set; }
    public DateTime AskedAt { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public int Reminders { get; private set; }

    /// <exception cref="DomainException">On <c>NextSteps</c> when longer than <see cref="NextStepsMax"/>.</exception>
    public void Answer(MeetingResult result, string? nextSteps, DateTime now)
    {
        if (nextSteps?.Trim().Length > NextStepsMax)
        {
            throw new DomainException(nameof(NextSteps), $"Next steps take at most {NextStepsMax} characters.");
        }

        Result = result;
        NextSteps = string.IsNullOrWhiteSpace(nextSteps) ? null : nextSteps.Trim();
        AnsweredAt = now;
    }

    public void Reminded() => Reminders++;
}
