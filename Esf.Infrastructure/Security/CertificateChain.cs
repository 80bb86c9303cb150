using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;

namespace Esf.Infrastructure.Security;

/// <summary>
/// Builds a chain from a certificate to a configured self-signed root by checking each signature with
/// <see cref="SignatureVerifier"/>: used for GOST certificates, which .NET's <see cref="X509Chain"/> cannot check. Every
/// issuer must be a configured CA (basic constraints cA, keyCertSign when key usage is stated) and in date at <c>now</c>.
/// </summary>
public static class CertificateChain
{
    /// <summary>An NCA chain is root → issuing CA → leaf; a few more levels are allowed, loops are not.</summary>
    private const int MaxDepth = 6;

    public static bool ChainsToTrustedRoot(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> authorities, DateTimeOffset now)
    {
        var current = certificate;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var signed = Read(current);
            var issuer = signed is null ? null : authorities.FirstOrDefault(ca =>
                ca.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData) && IsAuthorityAt(ca, now) && SignatureVerifier.VerifySignedBy(signed, ca));
            if (issuer is null)
            {
                return false;
            }

            if (IsSelfSigned(issuer))
            {
                return true;
            }

            current = issuer;
        }

        return false;
    }

    public static bool IsSelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static SignedStructure? Read(X509Certificate2 certificate)
    {
        try
        {
            return SignedStructure.Read(certificate.RawData);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static bool IsAuthorityAt(X509Certificate2 authority, DateTimeOffset now)
    {
        var constraints = authority.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        var usage = authority.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return constraints is { CertificateAuthority: true }
            && (usage is null || usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign))
            && now >= authority.NotBefore.ToUniversalTime() && now <= authority.NotAfter.ToUniversalTime();
    }
}
