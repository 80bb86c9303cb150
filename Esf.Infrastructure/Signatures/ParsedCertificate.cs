using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures.Gost;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// A certificate parsed once, with what verifying with it needs: whom it names and its public key, kept ready (RSA imported
/// once per verifying thread and reused, <see cref="RsaKeyPool"/>; GOST decoded, immutable and shared), so that a document's
/// check costs the bare RSA or GOST operation (issue 17). Only what the certificate's bytes alone decide is here: whether it is
/// in date, chained to a trusted CA and unrevoked depends on the clock and the CRLs and is checked on every use
/// (<see cref="Security.CertificateValidator"/>).
/// </summary>
public sealed class ParsedCertificate
{
    private readonly RsaKeyPool? rsaKey;
    private readonly GostPublicKey? gostKey;

    private ParsedCertificate(X509Certificate2 certificate, CertificateSubject subject, RsaKeyPool? rsaKey, GostPublicKey? gostKey)
    {
        Certificate = certificate;
        Subject = subject;
        this.rsaKey = rsaKey;
        this.gostKey = gostKey;
    }

    public X509Certificate2 Certificate { get; }

    public CertificateSubject Subject { get; }

    /// <summary>True when the key is one documents can be signed with here (RSA or GOST).</summary>
    public bool HasSigningKey => rsaKey is not null || gostKey is not null;

    /// <summary>How many times the RSA key was imported (0 for GOST): what the tests count.</summary>
    internal long KeyImports => rsaKey?.Imports ?? 0;

    /// <summary>
    /// Whether <paramref name="signature"/> is this certificate's key's signature of <paramref name="data"/>: RSA PKCS#1 v1.5 with
    /// SHA-256, or GOST in Kalkan's layout. Says nothing of whether the certificate may sign (the validator's part).
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        gostKey?.Verify(data, signature) ?? rsaKey?.Verify(data, signature) ?? false;

    public static ParsedCertificate? From(byte[] der)
    {
        if (!CertificateParser.TryLoad(der, out var certificate))
        {
            return null;
        }

        using var rsa = certificate.GetRSAPublicKey();
        return new ParsedCertificate(certificate, CertificateParser.Subject(certificate),
            rsa is null ? null : new RsaKeyPool(rsa.ExportSubjectPublicKeyInfo()), rsa is null ? GostPublicKey.From(certificate) : null);
    }
}
