namespace MissionPlanner.Features.Registrations;

public enum RegistrationDecision
{
    Approve,
    Decline,
    Confirm,
    Waitlist,
}
