using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Domain.Links;

/// <summary>What a personal link opens, and so which row its subject id names.</summary>
public enum LinkPurpose
{
    /// <summary>/i/…: an invitation to register (subject: the invitation).</summary>
    Invitation,

    /// <summary>/r/…: a participant's registration, itinerary, visit choices and data export (subject: the registration).</summary>
    Registration,

    /// <summary>/h/…: a host organisation's page to confirm visits and fetch visitor lists (subject: the visit host).</summary>
    Host,

    /// <summary>/s/…: a ceremony guest's confirmation page (subject: the ceremony person).</summary>
    CeremonyConfirmation,

    /// <summary>/c/….ics: a participant's live calendar feed (subject: the registration).</summary>
    CalendarFeed,

    /// <summary>/m/…: a B2B counterpart's page for their profile, availability, the directory and their meetings (subject: the counterpart).</summary>
    Counterpart,
}

/// <summary>
/// A link given to one person that opens their own pages without signing in. The link's secret is
/// never stored: only its SHA-256 (<see cref="SecretToken.Hash"/>), which is how a presented link is
/// found. A link works until it expires or is revoked; a new link for the same purpose and subject
/// revokes the ones before it (an email's link is replaced by the next email's). Organisers and the
/// person's data export see the rows, never the secret.
/// </summary>
public sealed class PersonalLink
{
    /// <summary>Why a link stopped working before it expired.</summary>
    public static class Reasons
    {
        public const string Replaced = "replaced by a newer link";
        public const string Erased = "the person's data was erased";
        public const string InvitationRevoked = "the invitation was withdrawn";
        public const string ContactChanged = "the host's contact person changed";
        public const string KeyReplaced = "the installation's key was replaced";
        public const string AddressChanged = "the person's email address changed";
        public const string Removed = "the person was removed from the mission";
    }

    public const int ReasonMax = 100;
    public const int KeyIdMax = 16;

    private PersonalLink()
    {
    }

    private PersonalLink(Guid id, Guid missionId, LinkPurpose purpose, Guid subjectId, string tokenHash, DateTime expiresAt, DateTime now)
    {
        Id = id;
        MissionId = missionId;
        Purpose = purpose;
        SubjectId = subjectId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public LinkPurpose Purpose { get; private set; }

    /// <summary>The invitation, registration, visit host or ceremony person the link opens (see <see cref="LinkPurpose"/>).</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the link's secret (64 characters).</summary>
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>For a derived secret (calendar feeds): which installation key it was derived with (PersonalDataProtector.CurrentKeyId); empty for random secrets.</summary>
    public string? KeyId { get; private init; }

    /// <summary>UTC; from the purpose's rule and the mission's dates, set again when the dates move.</summary>
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }

    /// <summary>When the link last opened something, to the minute (lookups within a minute are not written again).</summary>
    public DateTime? LastUsedAt { get; private set; }

    /// <summary>A new link with a random 256-bit secret; the secret is returned once, for the email or page that carries it.</summary>
    public static (PersonalLink Link, string Token) Issue(Guid missionId, LinkPurpose purpose, Guid subjectId, DateTime expiresAt, DateTime now)
    {
        var token = SecretToken.Create("");
        return (new PersonalLink(Guid.NewGuid(), missionId, purpose, subjectId, SecretToken.Hash(token), expiresAt, now), token);
    }

    /// <summary>A link whose secret the caller derived from <paramref name="id"/> with the key <paramref name="keyId"/> (calendar feeds, <c>CalendarLinks</c>).</summary>
    public static PersonalLink WithDerivedToken(Guid id, Guid missionId, LinkPurpose purpose, Guid subjectId, string token, string keyId, DateTime expiresAt,
        DateTime now) =>
        new(id, missionId, purpose, subjectId, SecretToken.Hash(token), expiresAt, now) { KeyId = keyId };

    public bool IsUsable(DateTime now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTime now, string reason)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason.Length > ReasonMax ? reason[..ReasonMax] : reason;
    }

    public void ExpireAt(DateTime expiresAt) => ExpiresAt = expiresAt;

    /// <summary>Whether a use now should be written: the first, and then at most one a minute.</summary>
    public bool UseIsWorthRecording(DateTime now) => LastUsedAt is not { } last || now - last >= TimeSpan.FromMinutes(1);
}
