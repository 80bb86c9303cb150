using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>
/// A GOST public key read from a certificate. BouncyCastle's key factories do not know the 1.2.398 OIDs, so the key is
/// decoded by hand: the subjectPublicKey BIT STRING holds an OCTET STRING of x ‖ y, each little-endian (Kalkan's layout).
/// Immutable and safe to share between threads.
/// </summary>
public sealed class GostPublicKey
{
    private readonly ECPublicKeyParameters parameters;

    private GostPublicKey(GostAlgorithm algorithm, ECPublicKeyParameters parameters)
    {
        Algorithm = algorithm;
        this.parameters = parameters;
    }

    public GostAlgorithm Algorithm { get; }

    /// <summary>The key of a GOST certificate; null for any other key (RSA, ECDSA) or a point not on the curve.</summary>
    public static GostPublicKey? From(X509Certificate2 certificate) =>
        GostAlgorithm.ForPublicKey(certificate.PublicKey.Oid.Value) is { } algorithm
            ? Decode(algorithm, certificate.PublicKey.EncodedKeyValue.RawData)
            : null;

    /// <summary>The key of a DER subjectPublicKeyInfo; null when it is not a GOST key this gateway accepts.</summary>
    public static GostPublicKey? FromSubjectPublicKeyInfo(ReadOnlySpan<byte> der)
    {
        try
        {
            var info = new AsnReader(der.ToArray(), AsnEncodingRules.DER).ReadSequence();
            var algorithmOid = info.ReadSequence().ReadObjectIdentifier();
            var key = info.ReadBitString(out _);
            return GostAlgorithm.ForPublicKey(algorithmOid) is { } algorithm ? Decode(algorithm, key) : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>True when the private scalar <paramref name="d"/> belongs to this key (d·G = Q).</summary>
    public bool Matches(Org.BouncyCastle.Math.BigInteger d) => Algorithm.Domain.G.Multiply(d).Normalize().Equals(parameters.Q.Normalize());

    /// <summary>Verifies a Kalkan-layout signature over <paramref name="data"/>, hashed with the algorithm's own digest.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => VerifyHash(Algorithm.Hash(data), signature);

    /// <summary>Verifies a Kalkan-layout signature over a digest already computed (XML-DSig hashes SignedInfo itself).</summary>
    public bool VerifyHash(byte[] hash, ReadOnlySpan<byte> signature)
    {
        if (!KalkanSignatureLayout.TryRead(signature, Algorithm.CoordinateBytes, out var r, out var s))
        {
            return false;
        }

        var signer = new ECGost3410Signer();
        signer.Init(false, parameters);
        return signer.VerifySignature(hash, r, s);
    }

    private static GostPublicKey? Decode(GostAlgorithm algorithm, byte[] subjectPublicKey)
    {
        try
        {
            var point = new AsnReader(subjectPublicKey, AsnEncodingRules.BER).ReadOctetString();
            var half = algorithm.CoordinateBytes;
            if (point.Length != 2 * half)
            {
                return null;
            }

            var x = KalkanSignatureLayout.LittleEndian(point.AsSpan(0, half));
            var y = KalkanSignatureLayout.LittleEndian(point.AsSpan(half));
            var q = algorithm.Domain.Curve.ValidatePoint(x, y);
            return new GostPublicKey(algorithm, new ECPublicKeyParameters(algorithm.Domain.ValidatePublicPoint(q), algorithm.Domain));
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException or CryptographicException)
        {
            return null;
        }
    }
}
