using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures.Gost;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// A certificate parsed once, with what verifying with it needs: whom it names and its public key (RSA as a subjectPublicKeyInfo
/// that each verifying thread imports, since RSA objects are not documented as thread-safe; GOST decoded, immutable and shared).
/// Only what the certificate's bytes alone decide is here: whether it is in date, chained to a trusted CA and unrevoked depends on
/// the clock and the CRLs and is checked on every use (<see cref="Security.CertificateValidator"/>).
/// </summary>
public sealed record ParsedCertificate(X509Certificate2 Certificate, CertificateSubject Subject, byte[]? RsaPublicKey, GostPublicKey? GostKey)
{
    /// <summary>True when the key is one documents can be signed with here (RSA or GOST).</summary>
    public bool HasSigningKey => RsaPublicKey is not null || GostKey is not null;

    public static ParsedCertificate? From(byte[] der)
    {
        if (!CertificateParser.TryLoad(der, out var certificate))
        {
            return null;
        }

        using var rsa = certificate.GetRSAPublicKey();
        return new ParsedCertificate(
            certificate, CertificateParser.Subject(certificate), rsa?.ExportSubjectPublicKeyInfo(), rsa is null ? GostPublicKey.From(certificate) : null);
    }
}
