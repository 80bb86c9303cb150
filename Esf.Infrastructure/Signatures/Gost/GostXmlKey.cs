using System.Security.Cryptography;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>A GOST key handed to <see cref="System.Security.Cryptography.Xml.SignedXml"/>: public to verify, private to sign.</summary>
public sealed class GostXmlKey : AsymmetricAlgorithm
{
    public GostXmlKey(GostPublicKey publicKey)
    {
        PublicKey = publicKey;
        Algorithm = publicKey.Algorithm;
    }

    public GostXmlKey(GostPrivateKey privateKey)
    {
        PrivateKey = privateKey;
        Algorithm = privateKey.Algorithm;
    }

    public GostAlgorithm Algorithm { get; }

    public GostPublicKey? PublicKey { get; }

    public GostPrivateKey? PrivateKey { get; }

    public override string? SignatureAlgorithm => Algorithm.XmlSignatureUri;
}
