using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Common;

/// <summary>A request about one mission: the authorisation behaviour checks the caller's role on it.</summary>
public interface IMissionRequest
{
    Guid MissionId { get; }
}

/// <summary>The least role on the mission that may send this request. Every IMissionRequest declares one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(MissionRoleKind role) : Attribute
{
    public MissionRoleKind Role { get; } = role;
}

/// <summary>A request any signed-in organiser may send (it scopes its own results to them).</summary>
public interface IOrganiserRequest;
