using System.Security.Cryptography;
using System.Text;

namespace MissionPlanner.Domain.Organisers;

/// <summary>
/// Secrets handed to people (API tokens, sign-in links) are 256-bit random values; only their
/// SHA-256 is stored, so a copy of the database cannot be used to sign in.
/// </summary>
public static class SecretToken
{
    public static string Create(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>
    /// The hash to look a presented token (a link's, a bearer's) up by, or null when it cannot be one
    /// of ours: empty or far longer than any we issue. Callers treat null exactly like a wrong token.
    /// </summary>
    public static string? HashPresented(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : Hash(token.Trim());
}

public sealed class ApiToken
{
    private ApiToken()
    {
    }

    public ApiToken(Guid organiserId, string name, string tokenHash, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        OrganiserId = organiserId;
        Name = name;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganiserId { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public void Revoke(DateTime now) => RevokedAt ??= now;
}

public sealed class SignInLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private SignInLink()
    {
    }

    public SignInLink(Guid organiserId, string tokenHash, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        OrganiserId = organiserId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + Lifetime;
    }

    public Guid Id { get; private set; }
    public Guid OrganiserId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? UsedAt { get; private set; }

    public bool IsUsable(DateTime now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTime now) => UsedAt = now;
}
