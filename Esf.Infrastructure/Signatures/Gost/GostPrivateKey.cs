using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>A GOST private key (the CLI's and the tests' signing side); signatures come out in Kalkan's r ‖ s little-endian layout.</summary>
public sealed class GostPrivateKey
{
    private readonly ECPrivateKeyParameters parameters;

    public GostPrivateKey(GostAlgorithm algorithm, BigInteger d)
    {
        Algorithm = algorithm;
        parameters = new ECPrivateKeyParameters(d, algorithm.Domain);
    }

    public GostAlgorithm Algorithm { get; }

    public BigInteger D => parameters.D;

    public byte[] Sign(ReadOnlySpan<byte> data) => SignHash(Algorithm.Hash(data));

    public byte[] SignHash(byte[] hash)
    {
        var signer = new ECGost3410Signer();
        signer.Init(true, new ParametersWithRandom(parameters, new SecureRandom()));
        var rs = signer.GenerateSignature(hash);
        return KalkanSignatureLayout.Write(rs[0], rs[1], Algorithm.CoordinateBytes);
    }
}
