using System.Security.Cryptography;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>A GOST key handed to <see cref="System.Security.Cryptography.Xml.SignedXml"/>: public to verify, private to sign.</summary>
public sealed class GostXmlKey : AsymmetricAlgorithm
{
    /// <param name="publicKey">The signer's key.</param>
    /// <param name="signedInfoDigest">
    /// The digest of SignedInfo canonicalised as received (<see cref="SignedInfoCanonicalizer"/>), checked instead of the one
    /// SignedXml computes, which is wrong when SignedInfo holds a <c>&amp;#13;</c>.
    /// </param>
    public GostXmlKey(GostPublicKey publicKey, byte[] signedInfoDigest)
    {
        PublicKey = publicKey;
        Algorithm = publicKey.Algorithm;
        SignedInfoDigest = signedInfoDigest;
    }

    public GostXmlKey(GostPrivateKey privateKey)
    {
        PrivateKey = privateKey;
        Algorithm = privateKey.Algorithm;
    }

    public GostAlgorithm Algorithm { get; }

    public GostPublicKey? PublicKey { get; }

    public GostPrivateKey? PrivateKey { get; }

    public byte[]? SignedInfoDigest { get; }

    public override string? SignatureAlgorithm => Algorithm.XmlSignatureUri;
}
