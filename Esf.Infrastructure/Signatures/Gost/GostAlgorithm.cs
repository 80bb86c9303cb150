using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>
/// The two GOST signature algorithms of the Kazakh national CA (НУЦ РК) that this gateway verifies, with the identifiers
/// Kalkan writes (docs/security.md, "GOST and certificates"): ГОСТ 34.10-2015 512-bit with Streebog-512, and
/// ГОСТ 34.310-2004 with ГОСТ 34.311-95. The 2015 256-bit variant is not accepted: no test material proves it.
/// </summary>
public sealed class GostAlgorithm
{
    /// <summary>ГОСТ 34.10-2015, 512 bits, on id-tc26-gost-3410-12-512-paramSetA, hashed with Streebog-512 (ГОСТ Р 34.11-2012).</summary>
    public static readonly GostAlgorithm Gost2015512 = new(
        "GOST 34.10-2015 512", ["1.2.398.3.10.1.1.2.2"], "1.2.398.3.10.1.1.2.3.2", "Tc26-Gost-3410-12-512-paramSetA", 64,
        () => new Gost3411_2012_512Digest(),
        "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512",
        "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512");

    /// <summary>
    /// ГОСТ 34.310-2004 on GostR3410-2001-CryptoPro-A, hashed with ГОСТ 34.311-95 (GOST R 34.11-94) using the standard's
    /// test S-box "D-Test": BouncyCastle's default is the CryptoPro S-box, which gives other digests. Older Gamma
    /// certificates name the key 1.3.6.1.4.1.6801.1.2.2.
    /// </summary>
    public static readonly GostAlgorithm Gost2004 = new(
        "GOST 34.310-2004", ["1.2.398.3.10.1.1.1.1", "1.3.6.1.4.1.6801.1.2.2"], "1.2.398.3.10.1.1.1.2", "GostR3410-2001-CryptoPro-A", 32,
        () => new Gost3411Digest(Gost28147Engine.GetSBox("D-Test")),
        "http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311",
        "http://www.w3.org/2001/04/xmldsig-more#gost34311");

    private static readonly GostAlgorithm[] All = [Gost2015512, Gost2004];

    private readonly Func<IDigest> createDigest;

    private GostAlgorithm(
        string name, string[] publicKeyOids, string signatureOid, string curveName, int coordinateBytes, Func<IDigest> createDigest,
        string xmlSignatureUri, string xmlDigestUri)
    {
        Name = name;
        PublicKeyOids = publicKeyOids;
        SignatureOid = signatureOid;
        CoordinateBytes = coordinateBytes;
        this.createDigest = createDigest;
        XmlSignatureUri = xmlSignatureUri;
        XmlDigestUri = xmlDigestUri;
        var curve = ECGost3410NamedCurves.GetByName(curveName);
        Domain = new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H, curve.GetSeed());
    }

    public string Name { get; }

    /// <summary>The subjectPublicKeyInfo algorithm OIDs of keys for this algorithm.</summary>
    public IReadOnlyList<string> PublicKeyOids { get; }

    /// <summary>The signatureAlgorithm OID of certificates and CRLs signed with it.</summary>
    public string SignatureOid { get; }

    /// <summary>Bytes of one coordinate, of r and of s (64 for 512-bit keys, 32 for 256-bit ones).</summary>
    public int CoordinateBytes { get; }

    public int SignatureBytes => 2 * CoordinateBytes;

    public string XmlSignatureUri { get; }

    public string XmlDigestUri { get; }

    internal ECDomainParameters Domain { get; }

    public IDigest CreateDigest() => createDigest();

    public byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = CreateDigest();
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    public static GostAlgorithm? ForPublicKey(string? oid) => All.FirstOrDefault(a => a.PublicKeyOids.Contains(oid));

    public static GostAlgorithm? ForSignature(string? oid) => All.FirstOrDefault(a => a.SignatureOid == oid);

    public override string ToString() => Name;
}
