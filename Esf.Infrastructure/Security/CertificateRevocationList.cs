using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;

namespace Esf.Infrastructure.Security;

/// <summary>
/// One CRL (RFC 5280 §5): its issuer, its update times, its signature checked against that issuer's key with the
/// algorithm the CRL names (<see cref="SignatureAlgorithm"/>: RSA PKCS#1 or PSS, ECDSA, SHA-256/384/512, or GOST), and
/// its revoked serial numbers. .NET can build CRLs but offers no reader, so the few fields needed are read with <see cref="AsnReader"/>.
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly HashSet<string> revokedSerials;

    private CertificateRevocationList(X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, HashSet<string> revoked)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        revokedSerials = revoked;
    }

    public X500DistinguishedName Issuer { get; }

    public DateTimeOffset ThisUpdate { get; }

    /// <summary>When the CA promised the next list; after it this one may miss revocations (stale).</summary>
    public DateTimeOffset? NextUpdate { get; }

    public int Count => revokedSerials.Count;

    /// <summary>True when <paramref name="certificate"/> was issued by this CRL's CA.</summary>
    public bool Covers(X509Certificate2 certificate) => certificate.IssuerName.RawData.AsSpan().SequenceEqual(Issuer.RawData);

    public bool IsRevoked(X509Certificate2 certificate) => Covers(certificate) && revokedSerials.Contains(Serial(certificate.SerialNumberBytes.Span));

    public bool IsStaleAt(DateTimeOffset now) => NextUpdate is { } next && now > next;

    /// <summary>Reads a CRL and checks its signature with one of <paramref name="authorities"/>; a CRL nobody trusted signed is refused.</summary>
    public static CertificateRevocationList Load(byte[] der, IReadOnlyCollection<X509Certificate2> authorities)
    {
        var signed = SignedStructure.Read(der);
        var tbs = new AsnReader(signed.Signed, AsnEncodingRules.DER).ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger(); // version
        }

        tbs.ReadSequence(); // signature algorithm (repeated)
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                revoked.Add(Serial(entry.ReadIntegerBytes().Span));
            }
        }

        if (signed.Algorithm is null)
        {
            throw new CryptographicException($"The CRL of '{issuer.Name}' is signed with an algorithm this gateway does not accept ({signed.AlgorithmOid}).");
        }

        if (!authorities.Any(ca => ca.SubjectName.RawData.AsSpan().SequenceEqual(issuer.RawData) && SignatureVerifier.VerifySignedBy(signed, ca)))
        {
            throw new CryptographicException($"The CRL of '{issuer.Name}' is not signed by a trusted CA.");
        }

        return new CertificateRevocationList(issuer, thisUpdate, nextUpdate, revoked);
    }

    /// <summary>Serial numbers compared as hex without leading zero bytes (DER may add one to keep the integer positive).</summary>
    private static string Serial(ReadOnlySpan<byte> bigEndian) => Convert.ToHexString(bigEndian.TrimStart((byte)0));

    private static bool IsTime(Asn1Tag tag) => tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
