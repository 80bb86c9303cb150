using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esf.Infrastructure.Security;

/// <summary>
/// A private CA for development and the tests: issues NCA-style AUTH and signing certificates (SERIALNUMBER=IIN…, OU=BIN…)
/// and a CRL, and writes the CA and the CRL to files for <c>Esf:Security:TrustedCaPaths</c> and <c>CrlPaths</c>.
/// Never trust it outside a test machine.
/// </summary>
public sealed class DevelopmentCertificateAuthority : IDisposable
{
    private readonly List<X509Certificate2> revoked = [];
    private readonly RSA? key;

    public DevelopmentCertificateAuthority(string name = "ESF GATEWAY TEST CA")
    {
        key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, C=KZ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(5));
    }

    /// <summary>A CA kept from before (the sandbox stores its CA, so the keys it issued stay trusted across restarts).</summary>
    public DevelopmentCertificateAuthority(X509Certificate2 certificateWithKey) => Certificate = certificateWithKey;

    /// <summary>The CA certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>A certificate with its private key, issued by this CA; <paramref name="roleOids"/> are НУЦ РК holder roles.</summary>
    public X509Certificate2 Issue(
        string personName, string iin, string? bin, CertificatePurpose purpose, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null,
        IEnumerable<string>? roleOids = null)
    {
        using var subjectKey = RSA.Create(2048);
        var request = new CertificateRequest(HolderSubject(personName, iin, bin), subjectKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        foreach (var extension in HolderExtensions(purpose, roleOids ?? []))
        {
            request.CertificateExtensions.Add(extension);
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var from = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1);
        using var issued = request.Create(Certificate, from, notAfter ?? from.AddYears(1), NewSerialNumber());
        return issued.CopyWithPrivateKey(subjectKey);
    }

    /// <summary>16 random bytes, big-endian, with the top bit clear so that the DER integer stays positive.</summary>
    public static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return serial;
    }

    /// <summary>The НУЦ РК holder subject: CN, SERIALNUMBER=IIN…, C=KZ and, for an entity's key, OU=BIN….</summary>
    public static X500DistinguishedName HolderSubject(string personName, string iin, string? bin)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(personName);
        subject.Add("2.5.4.5", "IIN" + iin);
        subject.AddCountryOrRegion("KZ");
        if (bin is not null)
        {
            subject.AddOrganizationalUnitName("BIN" + bin);
        }

        return subject.Build();
    }

    /// <summary>The key usage and extended key usage (purpose and НУЦ РК roles) of a holder's key, whatever its algorithm.</summary>
    public static IEnumerable<X509Extension> HolderExtensions(CertificatePurpose purpose, IEnumerable<string> roleOids)
    {
        var (usage, extended) = purpose == CertificatePurpose.Authentication
            ? (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, "1.3.6.1.5.5.7.3.2")
            : (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, "1.3.6.1.5.5.7.3.4");
        var usages = new OidCollection { new Oid(extended) };
        foreach (var role in roleOids)
        {
            usages.Add(new Oid(role));
        }

        return [new X509KeyUsageExtension(usage, true), new X509EnhancedKeyUsageExtension(usages, false)];
    }

    public void Revoke(X509Certificate2 certificate) => revoked.Add(certificate);

    /// <summary>Writes <c>ca.cer</c> (DER) and <c>ca.crl</c> (DER, listing every revoked certificate) into <paramref name="directory"/>.</summary>
    public (string CaPath, string CrlPath) WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var caPath = Path.Combine(directory, "ca.cer");
        var crlPath = Path.Combine(directory, "ca.crl");
        File.WriteAllBytes(caPath, Certificate.RawData);
        File.WriteAllBytes(crlPath, BuildCrl());
        return (caPath, crlPath);
    }

    public byte[] BuildCrl() =>
        BuildCrl(revoked.Select(c => (c.SerialNumberBytes.ToArray(), DateTimeOffset.UtcNow.AddMinutes(-5))), BigInteger.One,
            DateTimeOffset.UtcNow);

    /// <summary>A CRL numbered <paramref name="number"/> listing each serial (big-endian) at its revocation time, current for a day from <paramref name="now"/>.</summary>
    public byte[] BuildCrl(IEnumerable<(byte[] Serial, DateTimeOffset RevokedAt)> entries, BigInteger number, DateTimeOffset now)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (serial, revokedAt) in entries)
        {
            builder.AddEntry(serial, revokedAt, X509RevocationReason.KeyCompromise);
        }

        return builder.Build(Certificate, number, now.AddDays(1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now.AddMinutes(-5));
    }

    public void Dispose()
    {
        key?.Dispose();
        Certificate.Dispose();
    }
}
