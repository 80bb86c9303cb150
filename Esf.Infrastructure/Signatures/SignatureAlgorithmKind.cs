namespace Esf.Infrastructure.Signatures;

/// <summary>The families of <see cref="SignatureAlgorithm"/>; the certificate's key must be of the same family.</summary>
public enum SignatureAlgorithmKind
{
    RsaPkcs1,
    RsaPss,
    Ecdsa,
    Gost,
}
