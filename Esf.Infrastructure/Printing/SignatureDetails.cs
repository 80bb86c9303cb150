using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;

namespace Esf.Infrastructure.Printing;

/// <summary>Section L's facts about the signature, read from the certificate the invoice was signed with.</summary>
public sealed record SignatureDetails(
    string Signer, string? Iin, string? Bin, string Serial, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string Algorithm, string Issuer)
{
    /// <summary>Null when the stored certificate cannot be read (the print then says so instead of inventing a signer).</summary>
    public static SignatureDetails? From(string certificateText)
    {
        if (!CertificateParser.TryParse(certificateText, out var certificate))
        {
            return null;
        }

        using (certificate)
        {
            var subject = CertificateParser.Subject(certificate);
            return new SignatureDetails(
                certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
                subject.Iin,
                subject.Bin,
                certificate.SerialNumber,
                certificate.NotBefore.ToUniversalTime(),
                certificate.NotAfter.ToUniversalTime(),
                certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value ?? "?",
                certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: true));
        }
    }

    /// <summary>The one-line description printed in fields 44/45.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Signer}; ИИН {Iin ?? "—"}; БИН {Bin ?? "—"}; сертификат № {Serial}, выдан {Issuer}, действителен с {ValidFrom:dd.MM.yyyy} по {ValidTo:dd.MM.yyyy}; алгоритм {Algorithm}");
}
