using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>
/// A GOST digest as a .NET <see cref="HashAlgorithm"/>, so that <see cref="System.Security.Cryptography.Xml.SignedXml"/> can
/// digest references and SignedInfo with it (registered for the XML-DSig digest URIs by <see cref="GostXmlAlgorithms"/>).
/// </summary>
public abstract class GostXmlHash : HashAlgorithm
{
    private readonly IDigest digest;

    protected GostXmlHash(GostAlgorithm algorithm)
    {
        digest = algorithm.CreateDigest();
        HashSizeValue = digest.GetDigestSize() * 8;
    }

    public override void Initialize() => digest.Reset();

    protected override void HashCore(byte[] array, int ibStart, int cbSize) => digest.BlockUpdate(array, ibStart, cbSize);

    protected override byte[] HashFinal()
    {
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }
}
