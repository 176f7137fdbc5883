using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MissionPlanner.Data;

namespace MissionPlanner.Common;

/// <summary>
/// Encrypts the most sensitive personal data (ID details) before it reaches the database, with
/// AES-256-GCM. The value names the key it was written with, so old keys can still be read after
/// a rotation. A database dump without the key reveals nothing of these fields.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Format = "v1";
    private readonly Lazy<(string Id, byte[] Key)> current;
    private readonly Lazy<Dictionary<string, byte[]>> all;

    public PersonalDataProtector(IOptions<PrivacyOptions> options, DataDirectory data)
    {
        current = new Lazy<(string, byte[])>(() => Identify(LoadCurrent(options.Value, data)));
        all = new Lazy<Dictionary<string, byte[]>>(() =>
            options.Value.PreviousEncryptionKeys.Select(Decode).Select(Identify).Append(current.Value)
                .DistinctBy(k => k.Id).ToDictionary(k => k.Id, k => k.Key));
    }

    /// <summary>The first 8 hex digits of the SHA-256 of the current key: names it without revealing it.</summary>
    public string CurrentKeyId => current.Value.Id;

    /// <summary>A key for another purpose (e.g. signing calendar links), derived from the current key with HKDF.</summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, current.Value.Key, 32, info: Encoding.UTF8.GetBytes(purpose));

    public string Protect(string plaintext)
    {
        var (id, key) = current.Value;
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[12 + 16 + plain.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), Encoding.ASCII.GetBytes(id));
        return $"{Format}.{id}.{Convert.ToBase64String(sealedBytes)}";
    }

    public string Unprotect(string protectedValue)
    {
        var parts = protectedValue.Split('.');
        if (parts.Length != 3 || parts[0] != Format || !all.Value.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException(
                $"This value was encrypted with a key this node does not have ({Truncate(parts.ElementAtOrDefault(1))}); configure {PrivacyOptions.Section}:EncryptionKey the same on every node.");
        }

        var sealedBytes = Convert.FromBase64String(parts[2]);
        var plain = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain, Encoding.ASCII.GetBytes(parts[1]));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] LoadCurrent(PrivacyOptions options, DataDirectory data)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            return Decode(options.EncryptionKey);
        }

        var path = Path.Combine(data.EnsureFolder("keys"), "personal-data.key");
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096,
                    FileOptions.None);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(fresh));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process on this data directory created it first; use theirs.
            }
        }

        return Decode(File.ReadAllText(path));
    }

    private static byte[] Decode(string base64)
    {
        var key = Convert.FromBase64String(base64.Trim());
        return key.Length == 32 ? key : throw new InvalidOperationException($"{PrivacyOptions.Section}:EncryptionKey must be base64 of 32 bytes (openssl rand -base64 32).");
    }

    private static (string Id, byte[] Key) Identify(byte[] key) => (Convert.ToHexStringLower(SHA256.HashData(key))[..8], key);

    private static string Truncate(string? value) => value is null ? "no key id" : value.Length > 8 ? value[..8] : value;
}
