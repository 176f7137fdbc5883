using System.Security.Cryptography;

namespace MissionPlanner.Common;

/// <summary>
/// An id with an HMAC of it (128 bits) under a key derived for one purpose from the installation's
/// secret: 44 URL-safe characters that prove the id was handed out by this installation for this
/// purpose. Nothing is stored; nothing personal is inside (ids are random).
/// </summary>
public sealed class SignedIds(PersonalDataProtector protector, string purpose)
{
    private readonly Lazy<byte[]> key = new(() => protector.DeriveKey(purpose));

    public string Sign(Guid id)
    {
        var bytes = id.ToByteArray();
        return Base64Url(bytes) + Base64Url(Mac(bytes));
    }

    public Guid? Verify(string token)
    {
        if (token.Length != 22 + 22)
        {
            return null;
        }

        try
        {
            var id = Convert.FromBase64String(FromUrl(token[..22]));
            var mac = Convert.FromBase64String(FromUrl(token[22..]));
            return id.Length == 16 && CryptographicOperations.FixedTimeEquals(mac, Mac(id)) ? new Guid(id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Mac(byte[] id) => HMACSHA256.HashData(key.Value, id)[..16];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromUrl(string value) => value.Replace('-', '+').Replace('_', '/') + "==";
}
