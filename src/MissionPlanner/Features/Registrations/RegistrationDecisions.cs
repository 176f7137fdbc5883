namespace MissionPlanner.Features.Registrations;

/// <summary>An organiser's decision on one registration (<see cref="Domain.Registrations.RegistrationLifecycle"/> says from which statuses).</summary>
public enum RegistrationDecision
{
    Approve,
    Decline,
    Confirm,
    Waitlist,

    /// <summary>A cancelled registration comes back with a new arrival number: confirmed if there is room, else at the end of the waitlist.</summary>
    Reinstate,
}
