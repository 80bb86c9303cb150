namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>ГОСТ 34.310-2004 with ГОСТ 34.311-95 (the xmldsig-more URI).</summary>
public sealed class Gost2004SignatureDescription() : GostSignatureDescription(GostAlgorithm.Gost2004, () => new Gost34311XmlHash());
