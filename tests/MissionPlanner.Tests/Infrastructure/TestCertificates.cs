using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>
/// Certificates made by the tests, as PEM files: a private CA and a server certificate it signed
/// for localhost and 127.0.0.1 (an in-house relay), or a self-signed one.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>The CA that signed <see cref="Server"/>: what an organiser would name in Email:TrustedCertificateFile.</summary>
    public string CaFile => Path.Combine(Directory, "ca.pem");

    public required ServerCertificate Server { get; init; }

    /// <summary>Signed by nobody: trusted only by naming this very file.</summary>
    public required ServerCertificate SelfSigned { get; init; }

    /// <summary>Signed by the CA, but for mail.example.org: wrong for a server reached as localhost.</summary>
    public required ServerCertificate OtherName { get; init; }

    /// <summary>Signed by an intermediate CA that the CA signed; the file holds the server's certificate and then the intermediate's, as servers send them.</summary>
    public required ServerCertificate ViaIntermediate { get; init; }

    public sealed record ServerCertificate(string CertificateFile, string KeyFile);

    public static TestCertificates Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-certs", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;

        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=MissionPlanner Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        File.WriteAllText(Path.Combine(directory, "ca.pem"), ca.ExportCertificatePem());

        using var intermediateKey = RSA.Create(2048);
        var intermediateRequest = new CertificateRequest("CN=MissionPlanner Test Intermediate CA", intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var intermediatePublic = intermediateRequest.Create(ca, now.AddDays(-1), now.AddDays(29), RandomNumberGenerator.GetBytes(12));
        using var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

        ServerCertificate Issue(string name, X509Certificate2? issuer, string host = "localhost")
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(host);
            if (host == "localhost")
            {
                names.AddIpAddress(System.Net.IPAddress.Loopback);
            }

            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            using var certificate = issuer is null
                ? request.CreateSelfSigned(now.AddDays(-1), now.AddDays(28))
                : request.Create(issuer, now.AddDays(-1), now.AddDays(28), RandomNumberGenerator.GetBytes(12));
            var (certificateFile, keyFile) = (Path.Combine(directory, $"{name}.pem"), Path.Combine(directory, $"{name}.key"));
            File.WriteAllText(certificateFile, certificate.ExportCertificatePem()
                + (issuer is not null && issuer.Subject != ca.Subject ? "\n" + issuer.ExportCertificatePem() : ""));
            File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
            return new ServerCertificate(certificateFile, keyFile);
        }

        return new TestCertificates(directory)
        {
            Server = Issue("server", ca),
            SelfSigned = Issue("self-signed", null),
            OtherName = Issue("other-name", ca, "mail.example.org"),
            ViaIntermediate = Issue("via-intermediate", intermediate),
        };
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
