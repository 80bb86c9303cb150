using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures.Gost;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// The one place that decides how a certificate's key verifies, by the key's algorithm: RSA and ECDSA through .NET,
/// GOST through BouncyCastle (<see cref="GostPublicKey"/>). Every verification point goes through here: documents
/// (invoice bodies, id lists, agreements), certificates and CRLs; XML-DSig through <see cref="EnvelopedXmlSignature"/>.
/// </summary>
public static class SignatureVerifier
{
    /// <summary>
    /// A document signature as НУЦ РК clients make them over the exact bytes: RSA PKCS#1 v1.5 with SHA-256 for an RSA key,
    /// the key's own GOST algorithm (its hash, Kalkan's layout) for a GOST key. Any other key verifies nothing.
    /// </summary>
    public static bool VerifyDocument(X509Certificate2 certificate, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (GostPublicKey.From(certificate) is { } gost)
        {
            return gost.Verify(data, signature);
        }

        using var rsa = certificate.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>A signature made with a declared <paramref name="algorithm"/> (a certificate's or a CRL's), checked with <paramref name="signer"/>'s key.</summary>
    public static bool Verify(X509Certificate2 signer, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, SignatureAlgorithm algorithm)
    {
        try
        {
            switch (algorithm.Kind)
            {
                case SignatureAlgorithmKind.Gost:
                    return GostPublicKey.From(signer) is { } gost && gost.Algorithm == algorithm.Gost && gost.Verify(data, signature);
                case SignatureAlgorithmKind.Ecdsa:
                    using (var ecdsa = signer.GetECDsaPublicKey())
                    {
                        return ecdsa is not null && ecdsa.VerifyData(data, signature, algorithm.Hash, DSASignatureFormat.Rfc3279DerSequence);
                    }

                default:
                    using (var rsa = signer.GetRSAPublicKey())
                    {
                        var padding = algorithm.Kind == SignatureAlgorithmKind.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
                        return rsa is not null && rsa.VerifyData(data, signature, algorithm.Hash, padding);
                    }
            }
        }
        catch (CryptographicException)
        {
            // A key of the wrong kind or size for the algorithm (e.g. an ECDSA signature checked with an RSA key's issuer).
            return false;
        }
    }

    /// <summary>Checks the signature of a certificate or CRL with <paramref name="issuer"/>'s key, by the algorithm it names.</summary>
    public static bool VerifySignedBy(SignedStructure signed, X509Certificate2 issuer) =>
        signed.Algorithm is { } algorithm && Verify(issuer, signed.Signed, signed.Signature, algorithm);

    /// <summary>True for a GOST key: .NET's chain engine cannot check such certificates, <see cref="Security.CertificateChain"/> does.</summary>
    public static bool IsGost(X509Certificate2 certificate) => GostAlgorithm.ForPublicKey(certificate.PublicKey.Oid.Value) is not null;
}
