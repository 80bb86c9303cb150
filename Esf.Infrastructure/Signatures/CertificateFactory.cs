using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Makes self-signed RSA-2048 certificates with an NCA-style subject (SERIALNUMBER=IIN…, OU=BIN…) for the demo and the tests.
/// Real certificates come from the Kazakh CA; nothing here is trusted for more than local use.
/// </summary>
public static class CertificateFactory
{
    public static X509Certificate2 Create(string personName, string iin, string? bin, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(personName);
        subject.Add("2.5.4.5", "IIN" + iin);
        subject.AddCountryOrRegion("KZ");
        if (bin is not null)
        {
            subject.AddOrganizationalUnitName("BIN" + bin);
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2"), new Oid("1.3.6.1.5.5.7.3.4")], false));
        var from = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1);
        return request.CreateSelfSigned(from, notAfter ?? from.AddYears(1));
    }

    /// <summary>The certificate as clients send it: Base64 of the DER bytes, without PEM headers.</summary>
    public static string ToBase64(X509Certificate2 certificate) => Convert.ToBase64String(certificate.RawData);
}
