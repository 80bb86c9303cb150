namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>ГОСТ 34.10-2015 512 with Streebog-512 (the pkigovkz URI).</summary>
public sealed class Gost2015512SignatureDescription() : GostSignatureDescription(GostAlgorithm.Gost2015512, () => new Streebog512XmlHash());
