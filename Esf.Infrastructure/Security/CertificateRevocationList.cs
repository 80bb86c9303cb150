using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esf.Infrastructure.Security;

/// <summary>
/// One CRL (RFC 5280 §5): its issuer, its signature checked against that issuer's key, and its revoked serial numbers.
/// .NET can build CRLs but offers no reader, so the few fields needed are read with <see cref="AsnReader"/>.
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly HashSet<string> revokedSerials;

    private CertificateRevocationList(X500DistinguishedName issuer, HashSet<string> revoked)
    {
        Issuer = issuer;
        revokedSerials = revoked;
    }

    public X500DistinguishedName Issuer { get; }

    public bool IsRevoked(X509Certificate2 certificate) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(Issuer.RawData) && revokedSerials.Contains(Serial(certificate.SerialNumberBytes.Span));

    /// <summary>Reads a CRL and checks its signature with one of <paramref name="authorities"/>; a CRL nobody signed is refused.</summary>
    public static CertificateRevocationList Load(byte[] der, IReadOnlyCollection<X509Certificate2> authorities)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbsBytes = outer.ReadEncodedValue().ToArray();
        outer.ReadSequence(); // signatureAlgorithm: the issuer's key type decides how to verify
        var signature = outer.ReadBitString(out _);

        var tbs = new AsnReader(tbsBytes, AsnEncodingRules.DER).ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger(); // version
        }

        tbs.ReadSequence(); // signature algorithm (repeated)
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        tbs.ReadEncodedValue(); // thisUpdate
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        if (tbs.HasData && !tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            tbs.ReadEncodedValue(); // nextUpdate
        }

        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                revoked.Add(Serial(entry.ReadIntegerBytes().Span));
            }
        }

        if (!authorities.Any(ca => ca.SubjectName.RawData.AsSpan().SequenceEqual(issuer.RawData) && Verifies(ca, tbsBytes, signature)))
        {
            throw new CryptographicException($"The CRL of '{issuer.Name}' is not signed by a trusted CA.");
        }

        return new CertificateRevocationList(issuer, revoked);
    }

    /// <summary>Serial numbers compared as hex without leading zero bytes (DER may add one to keep the integer positive).</summary>
    private static string Serial(ReadOnlySpan<byte> bigEndian) => Convert.ToHexString(bigEndian.TrimStart((byte)0));

    private static bool Verifies(X509Certificate2 authority, byte[] data, byte[] signature)
    {
        using var rsa = authority.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = authority.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
