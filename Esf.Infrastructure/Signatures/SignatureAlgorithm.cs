using System.Formats.Asn1;
using System.Security.Cryptography;
using Esf.Infrastructure.Signatures.Gost;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// A signature algorithm named by a certificate or CRL (its signatureAlgorithm): RSA PKCS#1 v1.5 or RSA-PSS with
/// SHA-256/384/512, ECDSA with those hashes, or one of the two НУЦ РК GOST algorithms. SHA-1 and anything else is
/// unknown (null), so whatever it signed is not trusted.
/// </summary>
public sealed record SignatureAlgorithm(SignatureAlgorithmKind Kind, HashAlgorithmName Hash, GostAlgorithm? Gost = null)
{
    private const string Mgf1 = "1.2.840.113549.1.1.8";
    private const string RsaPss = "1.2.840.113549.1.1.10";

    private static readonly Dictionary<string, SignatureAlgorithm> ByOid = new(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.1.11"] = new(SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmName.SHA256),
        ["1.2.840.113549.1.1.12"] = new(SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmName.SHA384),
        ["1.2.840.113549.1.1.13"] = new(SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmName.SHA512),
        ["1.2.840.10045.4.3.2"] = new(SignatureAlgorithmKind.Ecdsa, HashAlgorithmName.SHA256),
        ["1.2.840.10045.4.3.3"] = new(SignatureAlgorithmKind.Ecdsa, HashAlgorithmName.SHA384),
        ["1.2.840.10045.4.3.4"] = new(SignatureAlgorithmKind.Ecdsa, HashAlgorithmName.SHA512),
        [GostAlgorithm.Gost2015512.SignatureOid] = new(SignatureAlgorithmKind.Gost, default, GostAlgorithm.Gost2015512),
        [GostAlgorithm.Gost2004.SignatureOid] = new(SignatureAlgorithmKind.Gost, default, GostAlgorithm.Gost2004),
    };

    private static readonly Dictionary<string, HashAlgorithmName> Hashes = new(StringComparer.Ordinal)
    {
        ["2.16.840.1.101.3.4.2.1"] = HashAlgorithmName.SHA256,
        ["2.16.840.1.101.3.4.2.2"] = HashAlgorithmName.SHA384,
        ["2.16.840.1.101.3.4.2.3"] = HashAlgorithmName.SHA512,
    };

    /// <summary>The algorithm of an AlgorithmIdentifier (OID and DER parameters); null when it is not accepted.</summary>
    public static SignatureAlgorithm? FromAlgorithmIdentifier(string oid, ReadOnlyMemory<byte>? parameters) =>
        oid == RsaPss ? Pss(parameters) : ByOid.GetValueOrDefault(oid);

    /// <summary>
    /// RSA-PSS only in its simple, common form: SHA-256/384/512, MGF1 with the same hash, a salt as long as the hash and the
    /// default trailer; that is exactly what <see cref="RSASignaturePadding.Pss"/> verifies.
    /// </summary>
    private static SignatureAlgorithm? Pss(ReadOnlyMemory<byte>? parameters)
    {
        if (parameters is not { } der)
        {
            return null;
        }

        try
        {
            var sequence = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            string? hash = null, maskHash = null;
            int? salt = null;
            if (sequence.HasData && sequence.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                hash = sequence.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence().ReadObjectIdentifier();
            }

            if (sequence.HasData && sequence.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1)))
            {
                var mask = sequence.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1)).ReadSequence();
                maskHash = mask.ReadObjectIdentifier() == Mgf1 ? mask.ReadSequence().ReadObjectIdentifier() : null;
            }

            if (sequence.HasData && sequence.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 2)))
            {
                salt = sequence.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 2)).ReadInteger() is var value && value < 1024 ? (int)value : null;
            }

            // A trailer field other than the default (1) is not PSS as .NET verifies it.
            if (sequence.HasData && (!sequence.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 3))
                || sequence.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 3)).ReadInteger() != 1))
            {
                return null;
            }

            return hash is not null && Hashes.TryGetValue(hash, out var name) && maskHash == hash && salt == HashBytes(name)
                ? new SignatureAlgorithm(SignatureAlgorithmKind.RsaPss, name)
                : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static int HashBytes(HashAlgorithmName name) => name == HashAlgorithmName.SHA256 ? 32 : name == HashAlgorithmName.SHA384 ? 48 : 64;
}
