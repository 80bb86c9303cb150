using System.Security.Cryptography.X509Certificates;
using Dapper;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures.Gost;
using Npgsql;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;
using X509Extension = System.Security.Cryptography.X509Certificates.X509Extension;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// The sandbox's GOST test CA: ГОСТ 34.10-2015 512-bit keys on the curve, OIDs and byte layouts of the НУЦ РК 2022 test CA
/// (the only GOST keys the gateway verifies today, see <see cref="GostAlgorithm"/>), so its certificates, CRLs and PKCS#12
/// files read and verify like НУЦ РК ones. .NET cannot sign GOST, so certificates and CRLs are built with BouncyCastle and
/// signed by <see cref="GostPrivateKey"/> in Kalkan's layout.
/// </summary>
internal sealed class SandboxGostAuthority
{
    private const string CaName = "CN=ESF GATEWAY SANDBOX GOST CA, C=KZ";
    private static readonly GostAlgorithm Algorithm = GostAlgorithm.Gost2015512;

    /// <summary>The key algorithm as the НУЦ РК 2022 certificates state it: the 2015-512 key with its parameter set and hash.</summary>
    private static readonly AlgorithmIdentifier KeyAlgorithm = new(new DerObjectIdentifier("1.2.398.3.10.1.1.2.2"),
        new DerSequence(new DerObjectIdentifier("1.2.398.3.10.1.1.2.2.1"), new DerObjectIdentifier("1.2.398.3.10.1.3.3")));

    private readonly GostPrivateKey key;

    private SandboxGostAuthority(X509Certificate2 certificate, GostPrivateKey key)
    {
        Certificate = certificate;
        this.key = key;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The stored CA, or a new one stored first; two processes starting together keep whichever was stored first.</summary>
    public static SandboxGostAuthority LoadOrCreate(NpgsqlDataSource database, DateTimeOffset now)
    {
        var (caKey, publicKey) = NewKeyPair();
        var subject = new X500DistinguishedName(CaName);
        var ski = new X509SubjectKeyIdentifierExtension(System.Security.Cryptography.SHA1.HashData(publicKey.PublicKey.GetBytes()), false);
        var fresh = Sign(caKey, subject, subject, publicKey, DevelopmentCertificateAuthority.NewSerialNumber(), now.AddYears(-5), now.AddYears(20), [
            new X509BasicConstraintsExtension(true, false, 0, true),
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true),
            ski,
        ]);
        using var connection = database.OpenConnection();
        connection.Execute("INSERT INTO sandbox_gost_authority (id, pkcs12) VALUES (1, @Pkcs12) ON CONFLICT (id) DO NOTHING",
            new { Pkcs12 = GostPkcs12.Write(fresh, caKey, string.Empty) });
        var (certificate, storedKey) = GostPkcs12.Load(connection.ExecuteScalar<byte[]>("SELECT pkcs12 FROM sandbox_gost_authority WHERE id = 1")!, string.Empty);
        return new SandboxGostAuthority(certificate, storedKey);
    }

    /// <summary>A holder's certificate (subject and extensions as the RSA CA writes them) and its key as PKCS#12 under <paramref name="password"/>.</summary>
    public (X509Certificate2 Certificate, byte[] Pkcs12) Issue(KeyRequest request, IEnumerable<string> roleOids, string password, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var (holderKey, publicKey) = NewKeyPair();
        IEnumerable<X509Extension> extensions = [
            .. DevelopmentCertificateAuthority.HolderExtensions(request.Purpose, roleOids),
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false),
        ];
        var certificate = Sign(key, Certificate.SubjectName, DevelopmentCertificateAuthority.HolderSubject(request.Name, request.Iin, request.Bin),
            publicKey, DevelopmentCertificateAuthority.NewSerialNumber(), notBefore, notAfter, extensions);
        return (certificate, GostPkcs12.Write(certificate, holderKey, password));
    }

    /// <summary>A CRL numbered <paramref name="number"/> listing each serial (big-endian) at its revocation time, current for a day from <paramref name="now"/>.</summary>
    public byte[] BuildCrl(IEnumerable<(byte[] Serial, DateTimeOffset RevokedAt)> entries, System.Numerics.BigInteger number, DateTimeOffset now)
    {
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(Name(Certificate.SubjectName));
        generator.SetThisUpdate(now.AddMinutes(-5).UtcDateTime);
        generator.SetNextUpdate(now.AddDays(1).UtcDateTime);
        foreach (var (serial, revokedAt) in entries)
        {
            generator.AddCrlEntry(new BigInteger(1, serial), revokedAt.UtcDateTime, CrlReason.KeyCompromise);
        }

        generator.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(new BigInteger(number.ToString())));
        return generator.Generate(new KalkanSignatureFactory(key)).GetEncoded();
    }

    /// <summary>True when this CA signed <paramref name="certificate"/> (checked as the gateway checks НУЦ РК chains).</summary>
    public bool Issued(X509Certificate2 certificate, DateTimeOffset now) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(Certificate.SubjectName.RawData) && CertificateChain.ChainsToTrustedRoot(certificate, [Certificate], now);

    private static (GostPrivateKey Key, SubjectPublicKeyInfo PublicKey) NewKeyPair()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Algorithm.Domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var q = ((ECPublicKeyParameters)pair.Public).Q.Normalize();
        // Kalkan's layout: an OCTET STRING of x ‖ y, each little-endian (see GostPublicKey).
        var point = new byte[2 * Algorithm.CoordinateBytes];
        KalkanSignatureLayout.WriteLittleEndian(q.AffineXCoord.ToBigInteger(), point.AsSpan(0, Algorithm.CoordinateBytes));
        KalkanSignatureLayout.WriteLittleEndian(q.AffineYCoord.ToBigInteger(), point.AsSpan(Algorithm.CoordinateBytes));
        return (new GostPrivateKey(Algorithm, ((ECPrivateKeyParameters)pair.Private).D),
            new SubjectPublicKeyInfo(KeyAlgorithm, new DerOctetString(point).GetEncoded(Asn1Encodable.Der)));
    }

    private static X509Certificate2 Sign(
        GostPrivateKey issuerKey, X500DistinguishedName issuer, X500DistinguishedName subject, SubjectPublicKeyInfo publicKey, byte[] serial,
        DateTimeOffset notBefore, DateTimeOffset notAfter, IEnumerable<X509Extension> extensions)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, serial));
        generator.SetIssuerDN(Name(issuer));
        generator.SetSubjectDN(Name(subject));
        generator.SetNotBefore(notBefore.UtcDateTime);
        generator.SetNotAfter(notAfter.UtcDateTime);
        generator.SetSubjectPublicKeyInfo(publicKey);
        foreach (var extension in extensions)
        {
            generator.AddExtension(new DerObjectIdentifier(extension.Oid!.Value), extension.Critical, Asn1Object.FromByteArray(extension.RawData));
        }

        return X509CertificateLoader.LoadCertificate(generator.Generate(new KalkanSignatureFactory(issuerKey)).GetEncoded());
    }

    private static X509Name Name(X500DistinguishedName name) => X509Name.GetInstance(Asn1Object.FromByteArray(name.RawData));

    /// <summary>Signs what BouncyCastle's generators write with a GOST key: the НУЦ РК signature OID, the signature in Kalkan's layout.</summary>
    private sealed class KalkanSignatureFactory(GostPrivateKey signer) : ISignatureFactory
    {
        public object AlgorithmDetails => new AlgorithmIdentifier(new DerObjectIdentifier(signer.Algorithm.SignatureOid), DerNull.Instance);

        public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(signer);

        private sealed class Calculator(GostPrivateKey signer) : IStreamCalculator<IBlockResult>
        {
            private readonly MemoryStream signed = new();

            public Stream Stream => signed;

            public IBlockResult GetResult() => new SimpleBlockResult(signer.Sign(signed.ToArray()));
        }
    }
}
