using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

public enum RegistrationDecision
{
    Approve,
    Decline,
    Confirm,
    Waitlist,
}
