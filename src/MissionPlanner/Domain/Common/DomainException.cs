namespace MissionPlanner.Domain.Common;

/// <summary>
/// A rule of the domain was broken by the caller's input. Carries the field it concerns so that
/// the API and the pages can show the message next to that field.
/// </summary>
public sealed class DomainException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The thing asked for does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The caller can see the mission but their role does not allow the change.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
