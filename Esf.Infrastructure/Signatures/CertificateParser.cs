using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Reads the certificates clients send: bare Base64 DER (most clients) or PEM with headers (some), and who they name.
/// </summary>
public static class CertificateParser
{
    public static bool TryParse(string? text, out X509Certificate2 certificate)
    {
        certificate = null!;
        return TryReadDer(text, out var der) && TryLoad(der, out certificate);
    }

    /// <summary>The certificate's DER bytes as sent (Base64 or PEM), not yet parsed: what <see cref="ParsedCertificates"/> is keyed by.</summary>
    public static bool TryReadDer(string? text, out byte[] der)
    {
        der = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            der = text.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text).RawData
                : Convert.FromBase64String(text.Trim());
            return der.Length > 0;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    public static bool TryLoad(byte[] der, out X509Certificate2 certificate)
    {
        certificate = null!;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// The subject's ИИН and БИН as the Kazakh CA (НУЦ РК) writes them (SERIALNUMBER=IIN…, OU=BIN…) and the holder's
    /// roles from the extended key usages (<see cref="NcaRoleOids"/>).
    /// </summary>
    public static CertificateSubject Subject(X509Certificate2 certificate)
    {
        string? iin = null;
        string? bin = null;
        foreach (var part in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            var value = part.GetSingleElementValue() ?? string.Empty;
            switch (part.GetSingleElementType().Value)
            {
                case "2.5.4.5" when value.StartsWith("IIN", StringComparison.Ordinal):
                    iin = value[3..];
                    break;
                case "2.5.4.11" when value.StartsWith("BIN", StringComparison.Ordinal):
                    bin = value[3..];
                    break;
            }
        }

        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>());
        return new CertificateSubject(iin, bin, NcaRoleOids.Of(usages.Select(oid => oid.Value)));
    }
}
