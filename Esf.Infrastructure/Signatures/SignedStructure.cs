using System.Formats.Asn1;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// The outer shape every X.509 certificate and CRL shares (RFC 5280 §4.1, §5.1): the signed bytes, the signature
/// algorithm and the signature value. Read with <see cref="AsnReader"/>, as .NET offers no CRL reader and no way to
/// check a GOST-signed certificate.
/// </summary>
public sealed record SignedStructure(byte[] Signed, string AlgorithmOid, ReadOnlyMemory<byte>? AlgorithmParameters, byte[] Signature)
{
    /// <summary>Throws <see cref="AsnContentException"/> when <paramref name="der"/> is not a signed structure.</summary>
    public static SignedStructure Read(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var signed = outer.ReadEncodedValue().ToArray();
        var algorithm = outer.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        ReadOnlyMemory<byte>? parameters = algorithm.HasData ? algorithm.ReadEncodedValue() : null;
        var signature = outer.ReadBitString(out _);
        return new SignedStructure(signed, oid, parameters, signature);
    }

    public SignatureAlgorithm? Algorithm => SignatureAlgorithm.FromAlgorithmIdentifier(AlgorithmOid, AlgorithmParameters);
}
