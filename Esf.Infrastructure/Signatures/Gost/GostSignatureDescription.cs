using System.Security.Cryptography;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>
/// Tells <see cref="System.Security.Cryptography.Xml.SignedXml"/> how a GOST SignatureMethod URI hashes and verifies: SignedXml
/// checks the references with the GOST digest; the signature is checked over the digest of SignedInfo canonicalised as
/// received (<see cref="GostXmlKey.SignedInfoDigest"/>) with the signer's key, in Kalkan's r ‖ s little-endian layout. A key
/// of the other GOST algorithm verifies nothing.
/// </summary>
public abstract class GostSignatureDescription : SignatureDescription
{
    private readonly GostAlgorithm algorithm;
    private readonly Func<HashAlgorithm> createHash;

    protected GostSignatureDescription(GostAlgorithm algorithm, Func<HashAlgorithm> createHash)
    {
        this.algorithm = algorithm;
        this.createHash = createHash;
        KeyAlgorithm = typeof(GostXmlKey).AssemblyQualifiedName;
        DigestAlgorithm = algorithm.XmlDigestUri;
    }

    public override HashAlgorithm CreateDigest() => createHash();

    public override AsymmetricSignatureDeformatter CreateDeformatter(AsymmetricAlgorithm key) => new Deformatter(algorithm, key);

    public override AsymmetricSignatureFormatter CreateFormatter(AsymmetricAlgorithm key) => new Formatter(algorithm, key);

    private sealed class Deformatter(GostAlgorithm algorithm, AsymmetricAlgorithm key) : AsymmetricSignatureDeformatter
    {
        private GostXmlKey? gost = key as GostXmlKey;

        public override void SetKey(AsymmetricAlgorithm key) => gost = key as GostXmlKey;

        public override void SetHashAlgorithm(string strName)
        {
        }

        public override bool VerifySignature(byte[] rgbHash, byte[] rgbSignature) =>
            gost is { PublicKey: { } publicKey, SignedInfoDigest: { } digest } && publicKey.Algorithm == algorithm && publicKey.VerifyHash(digest, rgbSignature);
    }

    private sealed class Formatter(GostAlgorithm algorithm, AsymmetricAlgorithm key) : AsymmetricSignatureFormatter
    {
        private GostXmlKey? gost = key as GostXmlKey;

        public override void SetKey(AsymmetricAlgorithm key) => gost = key as GostXmlKey;

        public override void SetHashAlgorithm(string strName)
        {
        }

        public override byte[] CreateSignature(byte[] rgbHash) =>
            gost?.PrivateKey is { } privateKey && privateKey.Algorithm == algorithm
                ? privateKey.SignHash(rgbHash)
                : throw new CryptographicException($"A {algorithm} private key is needed to sign.");
    }
}
