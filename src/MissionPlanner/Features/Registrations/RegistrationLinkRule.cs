using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// How long a participant's personal link (/r/…) works: until
/// <see cref="LinkOptions.RegistrationLinkDaysAfterMission"/> days after the mission's last day
/// (mission time), so that it reaches the follow-up and the data export, and then stops.
/// </summary>
public sealed class RegistrationLinkRule(TimeProvider clock, IOptions<LinkOptions> options)
{
    public DateTime ExpiresAt(Mission mission) => mission.UtcWindow().To.AddDays(options.Value.RegistrationLinkDaysAfterMission);

    public bool Expired(Mission mission) => clock.GetUtcNow().UtcDateTime >= ExpiresAt(mission);
}
