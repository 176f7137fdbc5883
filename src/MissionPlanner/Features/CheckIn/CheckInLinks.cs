using MissionPlanner.Common;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.CheckIn;

/// <summary>
/// What a badge's QR code holds: the address of the check-in page with a signed registration id.
/// No personal data; only an organiser of the mission, signed in, sees whose badge it is.
/// </summary>
public sealed class CheckInLinks(PersonalDataProtector protector, PublicLinks links)
{
    private readonly SignedIds ids = new(protector, "missionplanner check-in v1");

    public string Url(Guid registrationId) => $"{links.Base}/k/{ids.Sign(registrationId)}";

    public Guid? Verify(string token) => ids.Verify(token);
}

public sealed record BadgeItem(Guid Id, string Title, DateTime StartsLocal, DateTime EndsLocal, bool Present);

public sealed record BadgeHolder(Guid RegistrationId, string Name, string Organisation, RegistrationStatus Status, IReadOnlyList<BadgeItem> Items, Guid? Suggested);

public sealed record CheckInResult(string Name, string Item, bool AlreadyPresent);

public sealed record AttendanceRow(string Name, string Organisation, DateTime At);
