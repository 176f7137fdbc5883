using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;

namespace MissionPlanner.Features.Links;

/// <summary>
/// When each kind of personal link stops working, from the mission's dates: a participant's own link
/// (<see cref="LinkPurpose.Registration"/>) <see cref="LinkOptions.RegistrationLinkDaysAfterMission"/>
/// days after the mission's last day (mission time), so that it reaches the follow-up and the data
/// export; every other kind a week after the last day (<see cref="Mission.LinksExpireAt"/>). Links
/// are stamped when issued and stamped again when the mission's dates or time zone change.
/// </summary>
public sealed class LinkExpiry(IOptions<LinkOptions> options)
{
    /// <summary>The rule in words, stored with the links it stamped so that a changed configuration is noticed (PersonalLinkFollowUp).</summary>
    public string Rule => $"registration and counterpart: {options.Value.RegistrationLinkDaysAfterMission} days after the mission; others: 7 days after";

    /// <remarks>Counterparts keep theirs as long as participants: they are asked about their meetings' outcomes months later.</remarks>
    public DateTime For(LinkPurpose purpose, Mission mission) => purpose is LinkPurpose.Registration or LinkPurpose.Counterpart
        ? mission.UtcWindow().To.AddDays(options.Value.RegistrationLinkDaysAfterMission)
        : mission.LinksExpireAt;

    /// <summary>The rule's expiry, or <paramref name="atLeast"/> when that is later (a question asked long after the mission).</summary>
    public DateTime For(LinkPurpose purpose, Mission mission, DateTime? atLeast)
    {
        var rule = For(purpose, mission);
        return atLeast > rule ? atLeast.Value : rule;
    }
}
